package org.tawag.campaigns;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** A new campaign's settings, already validated ({@link CampaignJson#draft}). */
public record CampaignDraft(
    String name,
    String queue,
    Campaign.Mode mode,
    BigDecimal ratio,
    String trunk,
    Optional<String> callerId,
    String script,
    CallingHours hours,
    ZoneId zone,
    RetryRules retries,
    Duration ringTimeout) {}
