package org.tawag.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that moves only when a test moves it, and never backwards. */
public final class FakeClock extends Clock {
  private volatile Instant now;

  public FakeClock(Instant start) {
    this.now = start;
  }

  /** A clock at an arbitrary fixed start. */
  public FakeClock() {
    this(Instant.parse("2025-01-01T09:00:00Z"));
  }

  public void set(Instant instant) {
    if (instant.isBefore(now)) {
      throw new IllegalArgumentException("clock cannot go back to " + instant + " from " + now);
    }
    now = instant;
  }

  public void advance(Duration d) {
    set(now.plus(d));
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("FakeClock is UTC only");
  }
}
