package org.tawag.queue;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.tawag.agent.DialOutcome;
import org.tawag.agent.DialPurpose;

/**
 * An operator's call from the dial request until the far end answers or the attempt fails. Its
 * fields other than the outcome are touched on the ACD thread only.
 */
final class PendingDial {
  final String callId;
  final String agentId;
  final String number;
  final Optional<DialPurpose> purpose;
  final CompletableFuture<DialOutcome> outcome = new CompletableFuture<>();

  /** The call being placed, once the ACD let the agent dial. */
  OutsideDialer.Attempt attempt;

  PendingDial(String callId, String agentId, String number, Optional<DialPurpose> purpose) {
    this.callId = callId;
    this.agentId = agentId;
    this.number = number;
    this.purpose = purpose;
  }

  void answered() {
    outcome.complete(new DialOutcome.Answered(callId, number, purpose));
  }

  void failed(String cause) {
    outcome.complete(new DialOutcome.Failed(callId, number, purpose, cause));
  }
}
