package org.tawag.sip.registrar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The highest nonce count ({@code nc}) accepted for each nonce, so a replayed answer is refused
 * (RFC 2617 §3.2.2: the server can detect replays by tracking nc). Only answers whose digest was
 * right are recorded, so a forger cannot use up a phone's counter; entries are dropped once their
 * nonce is past its lifetime, when the nonce itself is refused anyway.
 */
final class NonceCounts {
  private record Seen(long nc, Instant firstUse) {}

  private final Map<String, Seen> seen = new ConcurrentHashMap<>();
  private final Duration lifetime;
  private final Clock clock;

  NonceCounts(Duration lifetime, Clock clock) {
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /**
   * Records {@code nc} for {@code nonce} if it is higher than every count accepted before; false
   * when it is not (a replay, or a reordered request).
   */
  boolean advance(String nonce, long nc) {
    Instant now = clock.instant();
    boolean[] advanced = {false};
    seen.compute(
        nonce,
        (k, old) -> {
          if (old == null || nc > old.nc()) {
            advanced[0] = true;
            return new Seen(nc, old == null ? now : old.firstUse());
          }
          return old;
        });
    return advanced[0];
  }

  /** Drops the counters of nonces that expired; returns how many. */
  int sweep() {
    Instant cutoff = clock.instant().minus(lifetime);
    int before = seen.size();
    seen.values().removeIf(s -> s.firstUse().isBefore(cutoff));
    return before - seen.size();
  }

  int size() {
    return seen.size();
  }
}
