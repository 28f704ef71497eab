package org.tawag;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.tawag.acd.QueueStats;
import org.tawag.campaigns.Campaign;
import org.tawag.campaigns.CampaignLines;
import org.tawag.dialplan.Route;
import org.tawag.queue.QueueService;
import org.tawag.sip.DialRequest;
import org.tawag.sip.OutboundCalls;

/**
 * The campaign dialer's lines: dials over the campaign's trunk with the campaign's queue as the
 * answered call's target, so the customer meets the queue's operators like any caller.
 */
final class CampaignTrunks implements CampaignLines {
  /** Set once the ACD has started, which needs the dialer (its observer) first. */
  private volatile QueueService queues;

  /** Set once SIP has started, which needs the ACD first. */
  private volatile OutboundCalls outbound;

  void attach(QueueService queues) {
    this.queues = queues;
  }

  void attach(OutboundCalls calls) {
    this.outbound = calls;
  }

  @Override
  public CompletableFuture<Placed> dial(Campaign campaign, String number) {
    OutboundCalls calls = this.outbound;
    if (calls == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("SIP is not started"));
    }
    DialRequest request =
        new DialRequest(
            campaign.trunk(),
            number,
            campaign.callerId(),
            Optional.of(new Route.Queue("campaign " + campaign.id(), campaign.queue())),
            campaign.ringTimeout());
    return calls.dial(request).thenApply(call -> new Placed(call.callId(), call.result()));
  }

  @Override
  public CompletableFuture<Integer> freeOperators(String queue) {
    return queues.freeAgents(queue);
  }

  @Override
  public CompletableFuture<Integer> waitingCalls(String queue) {
    return queues.stats(queue).thenApply(QueueStats::waiting);
  }
}
