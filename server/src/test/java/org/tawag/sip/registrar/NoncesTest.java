package org.tawag.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tawag.testing.FakeClock;

class NoncesTest {
  static final byte[] SECRET =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  static final Duration LIFETIME = Duration.ofMinutes(5);

  final FakeClock clock = new FakeClock();
  final Nonces nonces = new Nonces(SECRET, LIFETIME, clock);

  @Test
  void freshNonceIsValidUntilItsLifetimeEnds() {
    String n = nonces.create();
    assertEquals(Nonces.Status.VALID, nonces.check(n));
    clock.advance(LIFETIME);
    assertEquals(Nonces.Status.VALID, nonces.check(n));
    clock.advance(Duration.ofMillis(1));
    assertEquals(Nonces.Status.STALE, nonces.check(n));
  }

  @Test
  void eachNonceIsDifferent() {
    assertNotEquals(nonces.create(), nonces.create());
  }

  @Test
  void tamperedNonceIsInvalid() {
    String n = nonces.create();
    int dot = n.indexOf('.');
    // Move the issue time forward: the MAC no longer matches.
    String older =
        Long.toHexString(Long.parseLong(n.substring(0, dot), 16) + 60_000) + n.substring(dot);
    assertEquals(Nonces.Status.INVALID, nonces.check(older));
    String lastFlipped = n.substring(0, n.length() - 1) + (n.endsWith("0") ? "1" : "0");
    assertEquals(Nonces.Status.INVALID, nonces.check(lastFlipped));
  }

  @Test
  void nonceFromAnotherSecretIsInvalid() {
    byte[] other = SECRET.clone();
    other[0] ^= 1;
    String n = new Nonces(other, LIFETIME, clock).create();
    assertEquals(Nonces.Status.INVALID, nonces.check(n));
  }

  @Test
  void garbageIsInvalid() {
    for (String g : new String[] {"", "abc", "..", "x.y.z", "1.2", "zz.00.00", "a".repeat(200)}) {
      assertEquals(Nonces.Status.INVALID, nonces.check(g), g);
    }
    assertEquals(Nonces.Status.INVALID, nonces.check(null));
  }

  @Test
  void nonceFromTheFutureIsInvalid() {
    clock.advance(Duration.ofMinutes(10));
    String n = nonces.create();
    FakeClock earlier = new FakeClock();
    assertEquals(Nonces.Status.INVALID, new Nonces(SECRET, LIFETIME, earlier).check(n));
  }
}
