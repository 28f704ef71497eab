package org.tawag.agent;

import java.time.Duration;

/**
 * A call ringing an agent: what the operator sees before answering.
 *
 * @param callId the call's id, which every later message about it carries
 * @param caller the caller's number (personal data: shown to this agent, never logged)
 * @param queue the queue the call waited in
 * @param waited how long the caller has waited so far
 * @param ringFor how long the offer rings before it counts as not answered
 */
public record OfferedCall(
    String callId, String caller, String queue, Duration waited, Duration ringFor) {}
