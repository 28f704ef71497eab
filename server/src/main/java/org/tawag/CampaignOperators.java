package org.tawag;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.tawag.agent.AgentDesk;
import org.tawag.agent.DialOutcome;
import org.tawag.agent.DialPurpose;
import org.tawag.campaigns.Campaign;
import org.tawag.campaigns.OperatorDialer;

/** Preview dials through the ACD's dial-out: the call is the operator's own, about the contact. */
final class CampaignOperators implements OperatorDialer {
  private final AgentDesk desk;

  CampaignOperators(AgentDesk desk) {
    this.desk = desk;
  }

  @Override
  public CompletableFuture<Result> dial(
      Campaign campaign, String agent, String number, long customerId, long contactId) {
    DialPurpose.Route route =
        new DialPurpose.Route(campaign.trunk(), campaign.callerId(), campaign.queue());
    return desk.dial(
            agent,
            number,
            Optional.of(DialPurpose.campaignContact(Optional.of(customerId), contactId, route)))
        .thenApply(o -> new Result(o.callId(), outcome(o)));
  }

  /** The campaign's view of a dial's end: busy and no answer have their own retry delays. */
  static org.tawag.campaigns.DialOutcome outcome(DialOutcome o) {
    if (o instanceof DialOutcome.Failed f) {
      return switch (f.cause()) {
        case "busy" -> org.tawag.campaigns.DialOutcome.BUSY;
        case "no_answer", "cancelled" -> org.tawag.campaigns.DialOutcome.NO_ANSWER;
        default -> org.tawag.campaigns.DialOutcome.FAILED;
      };
    }
    return org.tawag.campaigns.DialOutcome.ANSWERED;
  }
}
