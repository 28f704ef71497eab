package org.tawag.campaigns;

import java.util.concurrent.CompletableFuture;
import org.tawag.sip.DialResult;

/** What the dialer needs from the ACD and the trunks; the server wires the real ones. */
public interface CampaignLines {

  /**
   * Dials {@code number} over the campaign's trunk; once answered, the customer waits in the
   * campaign's queue like any caller and its members take the call.
   */
  CompletableFuture<Placed> dial(Campaign campaign, String number);

  /** Operators of {@code queue} free to take a call now. */
  CompletableFuture<Integer> freeOperators(String queue);

  /** Calls in {@code queue} not yet with an operator. */
  CompletableFuture<Integer> waitingCalls(String queue);

  /** A dial on its way: its call id at once, how it ends later. */
  record Placed(String callId, CompletableFuture<DialResult> result) {}
}
