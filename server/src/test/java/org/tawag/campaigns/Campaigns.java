package org.tawag.campaigns;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/** Campaigns and contacts for the campaign tests. */
final class Campaigns {
  private Campaigns() {}

  /** Progressive, ratio 1, 09:00-20:00 UTC, 3 attempts, retries 10 min / 5 min / 30 min. */
  static CampaignDraft draft(String name) {
    return new CampaignDraft(
        name,
        "outbound",
        Campaign.Mode.PROGRESSIVE,
        BigDecimal.ONE,
        "trunk",
        Optional.empty(),
        "Hello, this is Tawag Telecom.",
        new CallingHours(LocalTime.of(9, 0), LocalTime.of(20, 0)),
        ZoneId.of("UTC"),
        new RetryRules(3, Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(30)),
        Duration.ofSeconds(20));
  }

  static Campaign campaign(CampaignDraft d) {
    return new Campaign(
        7,
        d.name(),
        d.queue(),
        d.mode(),
        d.ratio(),
        d.trunk(),
        d.callerId(),
        d.script(),
        d.hours(),
        d.zone(),
        d.retries(),
        d.ringTimeout(),
        Campaign.Status.RUNNING);
  }

  static Contact contact(Contact.State state, int attempts) {
    return new Contact(
        11,
        7,
        5,
        "+15550001",
        Optional.empty(),
        state,
        attempts,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
