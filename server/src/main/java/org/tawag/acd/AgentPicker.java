package org.tawag.acd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Picks the agents to offer a call to, by the queue's {@link Strategy}. Engine thread only. */
final class AgentPicker {
  private static final Comparator<Agent> LONGEST_IDLE = Comparator.comparing(a -> a.idleSince);

  private AgentPicker() {}

  /**
   * The AVAILABLE members of {@code queue} to ring: all of them for RING_ALL, else at most one.
   * Advances the round-robin pointer past the agent picked.
   */
  static List<Agent> pick(QueueState queue, Map<String, Agent> agents) {
    List<Agent> free = new ArrayList<>();
    for (String id : queue.members) {
      Agent a = agents.get(id);
      if (a.state == AgentState.AVAILABLE) {
        free.add(a);
      }
    }
    if (free.isEmpty()) {
      return List.of();
    }
    String name = queue.spec.name();
    return switch (queue.spec.strategy()) {
      case RING_ALL -> free;
      case LONGEST_IDLE -> List.of(free.stream().min(LONGEST_IDLE).orElseThrow());
      case FEWEST_CALLS ->
          List.of(
              free.stream()
                  .min(
                      Comparator.comparingLong((Agent a) -> a.callsHandled)
                          .thenComparing(LONGEST_IDLE))
                  .orElseThrow());
      case SKILLS ->
          List.of(
              free.stream()
                  .min(
                      Comparator.comparingInt((Agent a) -> -a.levels.get(name))
                          .thenComparing(LONGEST_IDLE))
                  .orElseThrow());
      case ROUND_ROBIN -> List.of(roundRobin(queue, agents));
    };
  }

  /** {@code agent} alone when AVAILABLE, else nobody: a call meant for that agent only. */
  static List<Agent> ifFree(Agent agent) {
    return agent != null && agent.state == AgentState.AVAILABLE ? List.of(agent) : List.of();
  }

  private static Agent roundRobin(QueueState queue, Map<String, Agent> agents) {
    int n = queue.members.size();
    for (int i = 0; i < n; i++) {
      int idx = (queue.rrNext + i) % n;
      Agent a = agents.get(queue.members.get(idx));
      if (a.state == AgentState.AVAILABLE) {
        queue.rrNext = (idx + 1) % n;
        return a;
      }
    }
    throw new IllegalStateException("no free member in queue " + queue.spec.name());
  }
}
