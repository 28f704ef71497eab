package org.tawag.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tawag.testing.FakeClock;

class LoginThrottleTest {
  final FakeClock clock = new FakeClock(Instant.parse("2026-03-02T08:00:00Z"));
  final LoginThrottle throttle = LoginThrottle.of(AuthSettings.defaults(), clock);

  @Test
  void fiveFailuresWithinFiveMinutesLockForFiveMinutes() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("alice");
      clock.advance(Duration.ofSeconds(30));
      assertEquals(Optional.empty(), throttle.lockedFor("alice"));
    }
    throttle.failed("alice");
    assertEquals(Optional.of(Duration.ofMinutes(5)), throttle.lockedFor("alice"));
    assertEquals(Optional.empty(), throttle.lockedFor("bob"));
    clock.advance(Duration.ofMinutes(5));
    assertEquals(Optional.empty(), throttle.lockedFor("alice"));
  }

  @Test
  void failuresOutsideTheWindowDoNotCount() {
    for (int i = 0; i < 10; i++) {
      throttle.failed("alice");
      clock.advance(Duration.ofMinutes(2));
    }
    assertEquals(Optional.empty(), throttle.lockedFor("alice"));
  }

  @Test
  void successForgetsFailures() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("alice");
    }
    throttle.succeeded("alice");
    throttle.failed("alice");
    assertTrue(throttle.lockedFor("alice").isEmpty());
  }
}
