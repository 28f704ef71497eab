package org.tawag.orders;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where an order is in its life, and where it may go next.
 *
 * <pre>
 *   NEW ──> SCHEDULED ──> IN_PROGRESS ──> DONE
 *    │  └──────────────────^  │  └─> SCHEDULED (another visit)
 *    └──────> CANCELLED <─────┴── (from any open status)
 * </pre>
 *
 * DONE and CANCELLED are final: a new request is a new order, which keeps the history honest.
 * Moving to the status an order already has is no change, not a transition.
 */
public enum OrderStatus {
  NEW,
  SCHEDULED,
  IN_PROGRESS,
  DONE,
  CANCELLED;

  /** The database and JSON code, e.g. {@code in_progress}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status for a code, or empty when there is none. */
  public static Optional<OrderStatus> fromCode(String code) {
    for (OrderStatus s : values()) {
      if (s.code().equals(code)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** Whether work is still to be done: neither DONE nor CANCELLED. */
  public boolean isOpen() {
    return this != DONE && this != CANCELLED;
  }

  /** The statuses this one may move to. */
  public Set<OrderStatus> next() {
    return switch (this) {
      case NEW -> EnumSet.of(SCHEDULED, IN_PROGRESS, CANCELLED);
      case SCHEDULED -> EnumSet.of(IN_PROGRESS, CANCELLED);
      case IN_PROGRESS -> EnumSet.of(SCHEDULED, DONE, CANCELLED);
      case DONE, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
    };
  }

  /** Whether an order may move from this status to {@code to}. */
  public boolean canMoveTo(OrderStatus to) {
    return next().contains(to);
  }
}
