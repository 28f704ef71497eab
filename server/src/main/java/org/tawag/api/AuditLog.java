package org.tawag.api;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.tawag.orders.Page;

/**
 * The record of who read a customer's personal data or exported it, and when. A route writes its
 * entry before it answers with the data, so no read goes unrecorded: when the entry cannot be
 * written, the client gets an error instead of the data.
 */
public interface AuditLog {
  /** One entry; {@code detail} holds what was asked (a filter, a count), never personal data. */
  record Entry(
      long id, Instant at, String username, String action, String subject, String detail) {}

  /**
   * Writes an entry off the event loop.
   *
   * @param action what was done, e.g. {@code customer.read}, {@code customer.export}
   * @param subject what it was done to, e.g. {@code customer:42}, {@code order:O-000001}
   */
  CompletableFuture<Void> record(String username, String action, String subject, String detail);

  /** The entries, newest first; only those of {@code subject} when it is not {@code null}. */
  CompletableFuture<Page<Entry>> list(String subject, int limit, int offset);
}
