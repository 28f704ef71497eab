package org.tawag.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Commands and events out of the {@link AcdEngine}. Called on the engine's thread; methods must be
 * fast, must not block and must not call back into the engine. All default to doing nothing.
 */
public interface AcdListener {
  /** Ring {@code agentId} with {@code callId}. */
  default void offer(String agentId, String callId) {}

  /** Stop ringing {@code agentId} with {@code callId}. */
  default void cancelOffer(String agentId, String callId) {}

  /** The agent accepted: bridge the caller to the agent. */
  default void connect(String agentId, String callId) {}

  /**
   * Tell a waiting caller its 1-based place in its queue and the estimated wait: the average wait
   * of the queue's last 20 answered calls, empty when none was answered yet.
   */
  default void announce(String callId, int position, Optional<Duration> estimatedWait) {}

  /** The call leaves its queue for {@code target}; for a ToQueue it stays in the ACD. */
  default void overflow(String callId, Overflow target) {}

  /** The queue is at its max length: the call was not queued. */
  default void rejectFull(String callId) {}

  /** The caller hung up while waiting or ringing. */
  default void abandoned(String callId, String queue, Duration waited) {}

  /** An agent answered the call. */
  default void answered(String callId, String queue, String agentId, Duration waited) {}

  /** An agent changed state. */
  default void agentStateChanged(String agentId, AgentState state, String reason, Instant at) {}

  /** {@link AcdEngine#checkInvariants()} found and repaired a broken state. */
  default void invariantRepaired(String description) {}
}
