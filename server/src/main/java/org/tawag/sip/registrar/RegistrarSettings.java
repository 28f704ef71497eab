package org.tawag.sip.registrar;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;

/**
 * How the phone registrar authenticates and how long it keeps bindings.
 *
 * @param realm the digest realm phones see in the challenge and hash their password with
 * @param nonceLifetime how long a nonce is accepted; an older one with a right answer gets a new
 *     challenge with {@code stale=true}
 * @param minExpires the shortest registration granted; a shorter request gets 423 Interval Too
 *     Brief with {@code Min-Expires}
 * @param maxExpires the longest registration granted; longer requests are cut to it
 * @param defaultExpires granted when the REGISTER asks for no particular time
 * @param sweepInterval how often expired bindings and nonce counters are dropped
 * @param secret the HMAC-SHA256 key nonces are signed with (at least 16 bytes)
 */
public record RegistrarSettings(
    String realm,
    Duration nonceLifetime,
    Duration minExpires,
    Duration maxExpires,
    Duration defaultExpires,
    Duration sweepInterval,
    byte[] secret) {

  /** The realm phones are configured with unless the lead sets another. */
  public static final String DEFAULT_REALM = "tawag";

  /** Nonce lifetime: five minutes, long enough for a slow phone, short against replay. */
  public static final Duration DEFAULT_NONCE_LIFETIME = Duration.ofMinutes(5);

  /** Shortest registration: 60 s (RFC 3261 §10.2.8 suggests no less than one minute). */
  public static final Duration DEFAULT_MIN_EXPIRES = Duration.ofSeconds(60);

  /** Longest registration: one hour (RFC 3261 §10.2.1.1's default). */
  public static final Duration DEFAULT_MAX_EXPIRES = Duration.ofHours(1);

  /** Sweep of expired bindings every 30 s; lookups also drop expired bindings at once. */
  public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(30);

  public RegistrarSettings {
    Objects.requireNonNull(realm, "realm");
    if (realm.isBlank() || realm.contains("\"")) {
      throw new IllegalArgumentException("not a usable digest realm: '" + realm + "'");
    }
    requirePositive("nonceLifetime", nonceLifetime);
    requirePositive("minExpires", minExpires);
    requirePositive("sweepInterval", sweepInterval);
    if (maxExpires.compareTo(minExpires) < 0) {
      throw new IllegalArgumentException(
          "maxExpires " + maxExpires + " is below minExpires " + minExpires);
    }
    if (defaultExpires.compareTo(minExpires) < 0 || defaultExpires.compareTo(maxExpires) > 0) {
      throw new IllegalArgumentException(
          "defaultExpires "
              + defaultExpires
              + " is outside ["
              + minExpires
              + ", "
              + maxExpires
              + "]");
    }
    if (secret == null || secret.length < 16) {
      throw new IllegalArgumentException("the nonce secret needs at least 16 bytes");
    }
    secret = secret.clone();
  }

  /** The defaults above, with a fresh random secret: nonces do not survive a restart. */
  public static RegistrarSettings defaults() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return new RegistrarSettings(
        DEFAULT_REALM,
        DEFAULT_NONCE_LIFETIME,
        DEFAULT_MIN_EXPIRES,
        DEFAULT_MAX_EXPIRES,
        DEFAULT_MAX_EXPIRES,
        DEFAULT_SWEEP_INTERVAL,
        secret);
  }

  /** These settings with another realm. */
  public RegistrarSettings withRealm(String newRealm) {
    return new RegistrarSettings(
        newRealm, nonceLifetime, minExpires, maxExpires, defaultExpires, sweepInterval, secret);
  }

  @Override
  public byte[] secret() {
    return secret.clone();
  }

  @Override
  public String toString() {
    // Never print the secret.
    return "RegistrarSettings[realm="
        + realm
        + ", nonceLifetime="
        + nonceLifetime
        + ", minExpires="
        + minExpires
        + ", maxExpires="
        + maxExpires
        + ", defaultExpires="
        + defaultExpires
        + ", sweepInterval="
        + sweepInterval
        + "]";
  }

  private static void requirePositive(String name, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }
}
