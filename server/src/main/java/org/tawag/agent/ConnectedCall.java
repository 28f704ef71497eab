package org.tawag.agent;

/**
 * A call an agent is talking on, and what the agent can do to it.
 *
 * @param callId the call's id
 * @param caller the caller's number
 * @param queue the queue it came through
 * @param control the agent's controls over the caller's leg
 * @param held whether the caller is on hold now (true when a reconnecting agent finds it so)
 * @param muted whether the agent is muted now
 */
public record ConnectedCall(
    String callId, String caller, String queue, CallControl control, boolean held, boolean muted) {}
