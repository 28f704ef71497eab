package org.tawag.acd;

import java.time.Instant;

/**
 * An agent as a wallboard shows it.
 *
 * @param agentId the agent
 * @param state current state
 * @param reason why: the not-ready reason, or a short word for the other states
 * @param since when the agent entered this state
 * @param callsHandled calls answered since the last login
 */
public record AgentView(
    String agentId, AgentState state, String reason, Instant since, long callsHandled) {}
