package org.tawag.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.tawag.config.Cidr;

/**
 * What the metrics may label and who may scrape them.
 *
 * @param agentSeriesCap most agents with series of their own; the rest are summed as {@code
 *     agent="other"} (keeps a large floor from flooding Prometheus)
 * @param scrapeNetworks networks allowed to read {@code /metrics} without a session (Prometheus
 *     cannot log in); by default loopback only
 * @param pauseReasons pause reasons exported as themselves; any other reason is {@code other}
 * @param waitBuckets wait-histogram bucket bounds; every queue's service-level threshold is added
 */
public record MetricsSettings(
    int agentSeriesCap,
    List<Cidr> scrapeNetworks,
    Set<String> pauseReasons,
    List<Duration> waitBuckets) {

  /** Default cap on per-agent series. */
  public static final int DEFAULT_AGENT_SERIES_CAP = 200;

  /** Checks and copies. */
  public MetricsSettings {
    if (agentSeriesCap < 0) {
      throw new IllegalArgumentException("agentSeriesCap must not be negative: " + agentSeriesCap);
    }
    scrapeNetworks = List.copyOf(scrapeNetworks);
    pauseReasons = Set.copyOf(pauseReasons);
    waitBuckets = List.copyOf(waitBuckets);
  }

  /** 200 agents, loopback scrapers, the reasons the ACD and the web UI use, 5 s to 10 min. */
  public static MetricsSettings defaults() {
    return new MetricsSettings(
        DEFAULT_AGENT_SERIES_CAP,
        List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1/128")),
        Set.of("logged in", "no answer", "break", "lunch", "meeting", "training", "coaching"),
        List.of(5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600).stream()
            .map(Duration::ofSeconds)
            .toList());
  }

  /** These settings with other scrape networks. */
  public MetricsSettings withScrapeNetworks(List<Cidr> networks) {
    return new MetricsSettings(agentSeriesCap, networks, pauseReasons, waitBuckets);
  }

  /** These settings with another agent cap. */
  public MetricsSettings withAgentSeriesCap(int cap) {
    return new MetricsSettings(cap, scrapeNetworks, pauseReasons, waitBuckets);
  }
}
