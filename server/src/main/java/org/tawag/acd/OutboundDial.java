package org.tawag.acd;

/**
 * The engine's record of a call an agent placed: it never enters a queue, so queue counters and
 * routing never see it; {@code queue} only names the wrap-up that follows it. Engine thread only.
 */
final class OutboundDial {
  final String callId;
  final String agentId;
  final String queue;

  /** Whether the far end answered; until then the agent is ON_CALL "dialling". */
  boolean answered;

  OutboundDial(String callId, String agentId, String queue) {
    this.callId = callId;
    this.agentId = agentId;
    this.queue = queue;
  }
}
