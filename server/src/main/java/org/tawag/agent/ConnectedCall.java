package org.tawag.agent;

/**
 * A call an agent is talking on, and what the agent can do to it.
 *
 * @param callId the call's id
 * @param caller the caller's number
 * @param queue the queue it came through
 * @param control the agent's controls over the caller's leg
 */
public record ConnectedCall(String callId, String caller, String queue, CallControl control) {}
