package org.tawag.acd;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** One queue's spec, members, round-robin pointer and counters. Engine thread only. */
final class QueueState {
  /** How many answered waits the estimated wait averages. */
  static final int EWT_SAMPLES = 20;

  final QueueSpec spec;

  /** Member agent ids in config order (the round-robin order). */
  final List<String> members = new ArrayList<>();

  /** Index into {@link #members} where the next round-robin search starts. */
  int rrNext;

  long entered;
  long answered;
  long abandoned;
  long overflowed;
  long rejected;
  long withinServiceLevel;
  Duration answeredWaitSum = Duration.ZERO;
  private final Deque<Duration> recentWaits = new ArrayDeque<>();

  QueueState(QueueSpec spec) {
    this.spec = spec;
  }

  void recordAnswer(Duration waited) {
    answered++;
    answeredWaitSum = answeredWaitSum.plus(waited);
    if (waited.compareTo(spec.serviceLevel()) <= 0) {
      withinServiceLevel++;
    }
    recentWaits.addLast(waited);
    if (recentWaits.size() > EWT_SAMPLES) {
      recentWaits.removeFirst();
    }
  }

  /** Average wait of the last {@value #EWT_SAMPLES} answered calls; empty before the first. */
  Optional<Duration> estimatedWait() {
    if (recentWaits.isEmpty()) {
      return Optional.empty();
    }
    Duration sum = Duration.ZERO;
    for (Duration d : recentWaits) {
      sum = sum.plus(d);
    }
    return Optional.of(sum.dividedBy(recentWaits.size()));
  }

  Duration averageSpeedOfAnswer() {
    return answered == 0 ? Duration.ZERO : answeredWaitSum.dividedBy(answered);
  }
}
