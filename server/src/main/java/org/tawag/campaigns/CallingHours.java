package org.tawag.campaigns;

import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * The local times a customer may be called, in the customer's own zone: from {@code from}
 * (inclusive) to {@code to} (exclusive). A window whose end is before its start runs over midnight
 * (20:00 to 02:00); equal ends mean all day.
 */
public record CallingHours(LocalTime from, LocalTime to) {

  /** Whether {@code local} is inside the window. */
  public boolean contains(LocalTime local) {
    if (from.equals(to)) {
      return true;
    }
    if (from.isBefore(to)) {
      return !local.isBefore(from) && local.isBefore(to);
    }
    return !local.isBefore(from) || local.isBefore(to);
  }

  /** The first moment at or after {@code now} inside the window, in {@code now}'s zone. */
  public ZonedDateTime nextOpening(ZonedDateTime now) {
    if (contains(now.toLocalTime())) {
      return now;
    }
    ZonedDateTime today = now.with(from).withSecond(0).withNano(0);
    return today.isAfter(now) ? today : today.plusDays(1);
  }

  @Override
  public String toString() {
    return from + "-" + to;
  }
}
