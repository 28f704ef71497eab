package org.tawag.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.tawag.testing.FakeClock;

/**
 * Timers driven by a {@link FakeClock}: {@link #advance} moves the clock to each due timer in time
 * order (ties in scheduling order) and runs it, so timers scheduled by a task also fire.
 */
final class FakeTimers implements Timers {
  private final FakeClock clock;
  private final PriorityQueue<Task> due =
      new PriorityQueue<>(
          Comparator.comparing((Task t) -> t.at).thenComparingLong((Task t) -> t.seq));
  private long seq;

  FakeTimers(FakeClock clock) {
    this.clock = clock;
  }

  private final class Task implements Timer {
    final Instant at;
    final long seq;
    final Runnable run;
    boolean cancelled;

    Task(Instant at, long seq, Runnable run) {
      this.at = at;
      this.seq = seq;
      this.run = run;
    }

    @Override
    public void cancel() {
      cancelled = true;
      due.remove(this);
    }
  }

  @Override
  public Timer schedule(Duration delay, Runnable task) {
    Task t = new Task(clock.instant().plus(delay), seq++, task);
    due.add(t);
    return t;
  }

  /** Moves time forward by {@code d}, firing every timer that falls due on the way. */
  void advance(Duration d) {
    Instant end = clock.instant().plus(d);
    while (!due.isEmpty() && !due.peek().at.isAfter(end)) {
      Task t = due.poll();
      clock.set(t.at);
      t.run.run();
    }
    clock.set(end);
  }

  /** Timers still pending. */
  int pending() {
    return due.size();
  }
}
