package org.tawag.orders;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves one second forward each time it is read, from a fixed start: every save gets a
 * distinct, predictable time, so "newest first" is testable without sleeping. Thread-safe, as JDBC
 * workers read it.
 */
final class SteppingClock extends Clock {
  private final Instant start;
  private final AtomicLong reads = new AtomicLong();

  SteppingClock(Instant start) {
    this.start = start;
  }

  @Override
  public Instant instant() {
    return start.plusSeconds(reads.getAndIncrement());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a stepping clock stays in UTC");
  }
}
