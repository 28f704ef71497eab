package org.tawag.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.tawag.acd.AgentState;

/**
 * Time each agent label has spent in each state, including the state it is in now, so a scrape in
 * the middle of a long break already counts the break so far. Offline time is not kept. Updated on
 * the ACD thread and read at scrape time; the monitor is held only for a few additions.
 */
final class AgentClock {
  private record Current(String label, AgentState state, Instant since) {}

  private final Clock clock;
  private final Map<String, Current> current = new HashMap<>();
  private final Map<String, EnumMap<AgentState, Double>> done = new HashMap<>();

  AgentClock(Clock clock) {
    this.clock = clock;
  }

  /** {@code agent} (exported as {@code label}) entered {@code state} at {@code at}. */
  synchronized void changed(String agent, String label, AgentState state, Instant at) {
    Current was = current.remove(agent);
    if (was != null) {
      add(was.label(), was.state(), seconds(was.since(), at));
    }
    if (state != AgentState.OFFLINE) {
      current.put(agent, new Current(label, state, at));
    }
  }

  /** Seconds {@code label} has spent in {@code state}, up to now. */
  synchronized double seconds(String label, AgentState state) {
    double total =
        done.getOrDefault(label, new EnumMap<>(AgentState.class)).getOrDefault(state, 0.0);
    Instant now = clock.instant();
    for (Current c : current.values()) {
      if (c.label().equals(label) && c.state() == state) {
        total += seconds(c.since(), now);
      }
    }
    return total;
  }

  private void add(String label, AgentState state, double seconds) {
    if (state != AgentState.OFFLINE) {
      done.computeIfAbsent(label, l -> new EnumMap<>(AgentState.class))
          .merge(state, seconds, Double::sum);
    }
  }

  private static double seconds(Instant from, Instant to) {
    Duration d = Duration.between(from, to);
    return d.isNegative() ? 0 : d.toNanos() / 1e9;
  }
}
