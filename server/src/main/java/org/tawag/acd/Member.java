package org.tawag.acd;

/**
 * An agent's membership of one queue. {@code level} (1..10, higher is better) is used by {@link
 * Strategy#SKILLS}; the other strategies ignore it.
 */
public record Member(String agentId, String queue, int level) {
  /** Lowest skill level. */
  public static final int MIN_LEVEL = 1;

  /** Highest skill level. */
  public static final int MAX_LEVEL = 10;

  /** Checks ids and the level range. */
  public Member {
    if (agentId == null || agentId.isBlank()) {
      throw new IllegalArgumentException("member agentId must not be blank: " + agentId);
    }
    if (queue == null || queue.isBlank()) {
      throw new IllegalArgumentException("member queue must not be blank: " + queue);
    }
    if (level < MIN_LEVEL || level > MAX_LEVEL) {
      throw new IllegalArgumentException(
          "member level must be 1..10: " + level + " (agent " + agentId + ", queue " + queue + ")");
    }
  }

  /** A member at the lowest level, for strategies that ignore levels. */
  public static Member of(String agentId, String queue) {
    return new Member(agentId, queue, MIN_LEVEL);
  }
}
