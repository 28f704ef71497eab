package org.tawag.sip;

import java.time.Duration;

/**
 * How Tawag probes its trunks' peers with OPTIONS, as Kamailio's dispatcher does: a peer is up
 * after a response of any code and down when none comes within {@code timeout}.
 *
 * @param interval time between probes of one peer; the first probe goes out one interval after
 *     start, so a trunk shows down until then
 * @param timeout how long a probe waits for a response before the peer counts as down; shorter than
 *     {@code interval}
 */
public record TrunkProbeSettings(Duration interval, Duration timeout) {
  /** Every 30 s, down after 5 s without an answer. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

  /** See {@link #DEFAULT_INTERVAL}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  public TrunkProbeSettings {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("probe interval must be positive: " + interval);
    }
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(interval) >= 0) {
      throw new IllegalArgumentException(
          "probe timeout must be positive and shorter than the interval "
              + interval
              + ": "
              + timeout);
    }
  }

  /** {@link #DEFAULT_INTERVAL} and {@link #DEFAULT_TIMEOUT}. */
  public static TrunkProbeSettings defaults() {
    return new TrunkProbeSettings(DEFAULT_INTERVAL, DEFAULT_TIMEOUT);
  }
}
