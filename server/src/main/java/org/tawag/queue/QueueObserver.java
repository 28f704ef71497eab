package org.tawag.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.tawag.acd.AgentState;
import org.tawag.agent.DialPurpose;

/**
 * What happens to queued calls and agents, for call records and metrics. Called on the ACD thread
 * (or a call's loop for {@link #entered}); must be fast and never block or throw.
 */
public interface QueueObserver {
  /** An observer that ignores everything. */
  QueueObserver NONE = new QueueObserver() {};

  /** The call entered {@code queue} (again, after an overflow to another queue). */
  default void entered(String callId, String queue, Instant at) {}

  /** The call rings {@code agent}. */
  default void offered(String callId, String agent, Instant at) {}

  /** {@code agent} let the offer time out or rejected it. */
  default void notAnswered(String callId, String agent, Instant at) {}

  /** {@code agent} answered after the caller waited {@code waited}. */
  default void answered(String callId, String queue, String agent, Duration waited, Instant at) {}

  /** The caller hung up while waiting or ringing. */
  default void abandoned(String callId, String queue, Duration waited, Instant at) {}

  /** The call left its queue for {@code target} (queue:x, target:y, hangup, full). */
  default void overflowed(String callId, String target, Instant at) {}

  /**
   * The caller pressed the queue's callback key while waiting and leaves with a callback request:
   * neither answered nor abandoned. The ACD still reports the call's end as {@link #abandoned}
   * right after (its counters have no other way out for a waiting call), then {@link #leftQueue}; a
   * call record takes this outcome over that one.
   */
  default void callbackRequested(String callId, String queue, Instant at) {}

  /**
   * The call is out of the ACD for good (ended, or sent to a dial-plan target or hung up by
   * overflow); nothing more about it follows from the ACD.
   */
  default void leftQueue(String callId, Instant at) {}

  /**
   * The agent transferred the call: {@code target} is {@code queue:<name>} (it waits again there)
   * or {@code number} (it leaves the ACD for an outside number; never the number itself).
   */
  default void transferred(String callId, String agent, String target, Instant at) {}

  /** The caller was put on hold ({@code held}) or taken off hold. */
  default void hold(String callId, boolean held, Instant at) {}

  /** The agent ended the call (rather than the caller). */
  default void agentHungUp(String callId, Instant at) {}

  /** The agent finished wrap-up of {@code callId} with a disposition and maybe an order. */
  default void wrappedUp(
      String callId, String agent, String disposition, String orderId, Instant at) {}

  /**
   * {@code agent} started dialling {@code number} through {@code trunk} (call {@code callId}, about
   * {@code purpose} when given). The call is in no queue; {@link #dialAnswered} or {@link
   * #dialFailed} follows, and an answered call then goes on like a connected queue call (hold,
   * transfer, {@link #leftQueue} once it is over, wrap-up).
   */
  default void dialStarted(
      String callId,
      String agent,
      String trunk,
      String number,
      Optional<DialPurpose> purpose,
      Instant at) {}

  /** The far end of {@code agent}'s call answered. */
  default void dialAnswered(String callId, String agent, Instant at) {}

  /**
   * {@code agent}'s call was not answered, for {@code cause} (a {@link
   * org.tawag.agent.DialOutcome.Failed} cause); nothing more follows about it.
   */
  default void dialFailed(String callId, String cause, Instant at) {}

  /** An agent changed state. */
  default void agentState(String agent, AgentState state, String reason, Instant at) {}
}
