package org.tawag.metrics;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code agent} label: an agent's own id for the first {@code cap} agents (configured members
 * first, then in order of first appearance), {@code other} for everyone after. A label once given
 * never changes, so a series never jumps between agents.
 */
final class AgentLabels {
  static final String OTHER = "other";

  private final int cap;
  private final Map<String, String> labels = new ConcurrentHashMap<>();

  AgentLabels(int cap, Collection<String> known) {
    this.cap = cap;
    known.stream().distinct().sorted().forEach(this::of);
  }

  /** The label for {@code agent}. */
  String of(String agent) {
    String label = labels.get(agent);
    if (label != null) {
      return label;
    }
    synchronized (labels) {
      long own = labels.values().stream().filter(l -> !OTHER.equals(l)).count();
      return labels.computeIfAbsent(agent, a -> own < cap && !OTHER.equals(a) ? a : OTHER);
    }
  }
}
