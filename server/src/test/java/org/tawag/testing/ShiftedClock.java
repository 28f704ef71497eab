package org.tawag.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that runs at the system's pace from a time a test chose, and can jump forward: for a
 * whole server whose business time (calling hours) a test sets, while its timers keep running.
 */
public final class ShiftedClock extends Clock {
  private volatile Duration shift;

  /** A clock reading {@code start} now. */
  public ShiftedClock(Instant start) {
    this.shift = Duration.between(Instant.now(), start);
  }

  /** From now on the clock reads {@code at}, and runs on from there; never backwards. */
  public void jumpTo(Instant at) {
    if (at.isBefore(instant())) {
      throw new IllegalArgumentException("clock cannot go back to " + at + " from " + instant());
    }
    shift = Duration.between(Instant.now(), at);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(shift);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("ShiftedClock is UTC only");
  }
}
