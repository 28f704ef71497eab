package org.tawag.supervisor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The waiting calls of each queue over the last hour, one sample every {@link #EVERY}, for the
 * wallboard's chart. Not thread-safe: the wallboard's context alone uses it.
 */
public final class WaitingHistory {
  /** Time between samples. */
  public static final Duration EVERY = Duration.ofSeconds(10);

  /** How far back samples are kept. */
  public static final Duration SPAN = Duration.ofHours(1);

  private final Deque<Sample> samples = new ArrayDeque<>();

  /** Waiting calls per queue at one moment. */
  public record Sample(Instant at, Map<String, Integer> waiting) {
    public Sample {
      waiting = Map.copyOf(waiting);
    }
  }

  /**
   * Records {@code waiting} at {@code now} if {@link #EVERY} has passed since the last sample;
   * returns whether it did. Samples older than {@link #SPAN} are dropped.
   */
  public boolean offer(Instant now, Map<String, Integer> waiting) {
    Sample last = samples.peekLast();
    if (last != null && now.isBefore(last.at().plus(EVERY))) {
      return false;
    }
    samples.addLast(new Sample(now, waiting));
    Instant oldest = now.minus(SPAN);
    while (!samples.isEmpty() && samples.peekFirst().at().isBefore(oldest)) {
      samples.removeFirst();
    }
    return true;
  }

  /** The samples kept, oldest first. */
  public List<Sample> samples() {
    return List.copyOf(samples);
  }
}
