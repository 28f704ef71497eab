package org.tawag.agent;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What an agent's device tells the ACD. Any thread; never blocks (the ACD runs it on its own
 * thread). Events about calls or states that moved on meanwhile are ignored.
 */
public interface AgentDesk {
  /** The agent's device is connected; a second device of the same agent replaces the first. */
  void connected(AgentLine line);

  /**
   * The device went away (socket closed, phone unregistered). If the agent is on a call, the caller
   * hears hold music for the reconnect window and the same agent may take the call back.
   */
  void disconnected(AgentLine line);

  /** The agent takes calls. */
  void ready(String agentId);

  /**
   * The agent becomes ready only if still paused for "no answer" (a device's automatic retry must
   * not end a pause the operator chose meanwhile).
   */
  void readyAfterNoAnswer(String agentId);

  /** The agent pauses with {@code reason} (break, lunch...). */
  void pause(String agentId, String reason);

  /** The agent logs out of the ACD on purpose. */
  void logOut(String agentId);

  /** The agent answers the offer of {@code callId}. */
  void answer(String agentId, String callId);

  /** The agent declines the offer of {@code callId}. */
  void reject(String agentId, String callId);

  /**
   * The agent finished after-call work on {@code callId} with a disposition code and, when the call
   * is logged against an order, its id (may be null).
   */
  void wrapUp(String agentId, String callId, String disposition, String orderId);

  /**
   * The agent places a call to {@code number} (E.164 or digits), about {@code purpose} when given.
   * Allowed while AVAILABLE or NOT_READY: the agent leaves call distribution at once, the line gets
   * {@link AgentLine#dialing}, then either {@link AgentLine#connect} when the far end answers (a
   * connected call like any other: hold, mute, digits, transfer, hang-up) or nothing more when it
   * does not. The future completes with the {@link DialOutcome}; it fails with {@link
   * IllegalStateException} when the dial is refused (the agent is in another state, or dialling is
   * not configured) and with {@link IllegalArgumentException} for a bad number. A failed dial
   * returns the agent to the state they had; an answered one ends in wrap-up.
   *
   * <p>The campaign dialer calls this for preview dialing, with the campaign contact in {@code
   * purpose}.
   */
  CompletableFuture<DialOutcome> dial(String agentId, String number, Optional<DialPurpose> purpose);

  /** The agent gives up on their ringing dial: it fails with {@code cancelled}. */
  void cancelDial(String agentId);
}
