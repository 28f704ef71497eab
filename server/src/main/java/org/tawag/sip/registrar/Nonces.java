package org.tawag.sip.registrar;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks digest nonces without keeping them: a nonce carries its issue time and a random
 * salt, signed with HMAC-SHA256 under the registrar's secret (the scheme RFC 7616 §3.3 suggests),
 * so any nonce we issued in this run can be told from a forged one, and its age is known.
 *
 * <pre>
 *   nonce = hex(issued-millis) "." hex(8 random bytes) "." hex(first 16 bytes of
 *           HMAC-SHA256(secret, hex(issued-millis) "." hex(salt)))
 * </pre>
 */
final class Nonces {
  /** What a nonce turned out to be. */
  enum Status {
    /** Ours and young enough. */
    VALID,
    /** Ours but older than the lifetime: worth a new challenge with {@code stale=true}. */
    STALE,
    /** Not ours (forged, mangled, from before a restart, or from the future). */
    INVALID
  }

  private static final int MAC_BYTES = 16;
  private static final HexFormat HEX = HexFormat.of();

  private final SecretKeySpec key;
  private final Duration lifetime;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  Nonces(byte[] secret, Duration lifetime, Clock clock) {
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** A fresh nonce issued now. */
  String create() {
    byte[] salt = new byte[8];
    random.nextBytes(salt);
    String body = Long.toHexString(clock.millis()) + "." + HEX.formatHex(salt);
    return body + "." + mac(body);
  }

  /** Whether {@code nonce} is one of ours and still young. */
  Status check(String nonce) {
    if (nonce == null || nonce.length() > 100) {
      return Status.INVALID;
    }
    int dot = nonce.lastIndexOf('.');
    int first = nonce.indexOf('.');
    if (first <= 0 || dot == first) {
      return Status.INVALID;
    }
    String body = nonce.substring(0, dot);
    byte[] given = nonce.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(given, mac(body).getBytes(StandardCharsets.US_ASCII))) {
      return Status.INVALID;
    }
    long issued;
    try {
      issued = Long.parseLong(nonce.substring(0, first), 16);
    } catch (NumberFormatException e) {
      return Status.INVALID;
    }
    Instant now = clock.instant();
    Instant at = Instant.ofEpochMilli(issued);
    if (at.isAfter(now.plusSeconds(1))) {
      return Status.INVALID;
    }
    return at.plus(lifetime).isBefore(now) ? Status.STALE : Status.VALID;
  }

  private String mac(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] full = mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
      return HEX.formatHex(full, 0, MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }
}
