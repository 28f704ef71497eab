package org.tawag.orders;

import java.util.List;

/**
 * One page of a listing: the items from {@code offset}, at most {@code limit}, and how many match
 * in all, so a client knows whether to ask for more.
 */
public record Page<T>(List<T> items, long total, int limit, int offset) {
  /** Copies the items. */
  public Page {
    items = List.copyOf(items);
  }
}
