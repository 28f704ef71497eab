package org.tawag.campaigns;

import java.util.concurrent.CompletableFuture;

/**
 * Places a call for an operator, bridged to them once answered (the ACD's dial-out), for preview
 * dialing.
 */
public interface OperatorDialer {

  /**
   * Dials {@code number} for {@code agent} about campaign contact {@code contactId}, over the
   * campaign's trunk with its caller id, wrapped up in its queue; the future completes when the
   * call is answered or has failed. It fails when the dial is refused (the operator is busy).
   */
  CompletableFuture<Result> dial(
      Campaign campaign, String agent, String number, long customerId, long contactId);

  /**
   * How the dial went.
   *
   * @param callId the call's id (its row in {@code calls})
   * @param outcome ANSWERED, or why not
   */
  record Result(String callId, DialOutcome outcome) {}
}
