package org.tawag.agent;

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
}
