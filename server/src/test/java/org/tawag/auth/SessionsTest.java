package org.tawag.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tawag.testing.FakeClock;

class SessionsTest {
  final FakeClock clock = new FakeClock(Instant.parse("2026-03-02T08:00:00Z"));
  final Sessions sessions = Sessions.of(AuthSettings.defaults(), clock);
  final User alice =
      new User(
          1, "alice", "Alice", Set.of(Role.OPERATOR), true, false, Instant.EPOCH, Instant.EPOCH);

  @Test
  void tokensAre256RandomBitsInBase64Url() {
    Session a = sessions.create(alice);
    Session b = sessions.create(alice);
    assertNotEquals(a.token(), b.token());
    assertEquals(43, a.token().length());
    assertEquals(32, Base64.getUrlDecoder().decode(a.token()).length);
    assertTrue(a.token().matches("[A-Za-z0-9_-]+"));
    assertEquals(Set.of(Role.OPERATOR), a.roles());
    assertEquals(clock.instant(), a.createdAt());
  }

  @Test
  void useKeepsASessionAliveUntilTheIdleTimeout() {
    Session s = sessions.create(alice);
    clock.advance(Duration.ofHours(4));
    Session seen = sessions.resolve(s.token()).orElseThrow();
    assertEquals(clock.instant(), seen.lastSeen());
    clock.advance(Duration.ofHours(7).plusMinutes(59));
    assertTrue(sessions.resolve(s.token()).isPresent());
    clock.advance(Duration.ofHours(8));
    assertEquals(Optional.empty(), sessions.resolve(s.token()));
    assertEquals(0, sessions.size());
  }

  @Test
  void absoluteLifetimeEndsEvenABusySession() {
    Session s = sessions.create(alice);
    for (int i = 0; i < 11; i++) {
      clock.advance(Duration.ofHours(1));
      assertTrue(sessions.resolve(s.token()).isPresent(), "hour " + (i + 1));
    }
    clock.advance(Duration.ofHours(1));
    assertFalse(sessions.resolve(s.token()).isPresent());
  }

  @Test
  void invalidateEndsOneSessionAndInvalidateUserAllOfTheirs() {
    Session a1 = sessions.create(alice);
    Session a2 = sessions.create(alice);
    Session bob = sessions.create("bob", Set.of(Role.SUPERVISOR));
    assertTrue(sessions.invalidate(a1.token()));
    assertFalse(sessions.invalidate(a1.token()));
    assertFalse(sessions.resolve(a1.token()).isPresent());
    assertTrue(sessions.resolve(a2.token()).isPresent());

    assertEquals(1, sessions.invalidateUser("ALICE"));
    assertFalse(sessions.resolve(a2.token()).isPresent());
    assertTrue(sessions.resolve(bob.token()).isPresent());
  }

  @Test
  void unknownAndNullTokensResolveToNothing() {
    assertEquals(Optional.empty(), sessions.resolve(null));
    assertEquals(Optional.empty(), sessions.resolve(""));
    assertEquals(Optional.empty(), sessions.resolve("forged"));
  }

  @Test
  void endedSessionsArePurgedAtTheNextLogin() {
    sessions.create(alice);
    sessions.create(alice);
    clock.advance(Duration.ofHours(9));
    sessions.create(alice);
    assertEquals(1, sessions.size());
  }
}
