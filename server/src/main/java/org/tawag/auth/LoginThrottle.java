package org.tawag.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Slows password guessing per username: after {@code maxFailures} failed logins within {@code
 * window}, the username is locked for {@code lockout} (the API answers 429 and checks no password).
 * Unknown usernames count like known ones, so a lock tells nothing about existence. Thread-safe;
 * memory stays bounded by dropping stale entries once many usernames are tracked.
 */
final class LoginThrottle {
  private static final int PURGE_ABOVE = 10_000;

  /** Failures in the window, oldest first, and the end of a lock if one is on. */
  private record Attempts(List<Instant> failures, Instant lockedUntil) {}

  private final ConcurrentMap<String, Attempts> byUsername = new ConcurrentHashMap<>();
  private final int maxFailures;
  private final Duration window;
  private final Duration lockout;
  private final Clock clock;

  LoginThrottle(int maxFailures, Duration window, Duration lockout, Clock clock) {
    this.maxFailures = maxFailures;
    this.window = window;
    this.lockout = lockout;
    this.clock = clock;
  }

  static LoginThrottle of(AuthSettings settings, Clock clock) {
    return new LoginThrottle(
        settings.loginMaxFailures(), settings.loginFailureWindow(), settings.loginLockout(), clock);
  }

  /** How long {@code key} stays locked, or empty when it may try. */
  Optional<Duration> lockedFor(String key) {
    Attempts a = byUsername.get(key);
    Instant now = clock.instant();
    if (a == null || a.lockedUntil() == null || !now.isBefore(a.lockedUntil())) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, a.lockedUntil()));
  }

  /** Counts a failed login of {@code key}; locks it at the limit. */
  void failed(String key) {
    Instant now = clock.instant();
    if (byUsername.size() > PURGE_ABOVE) {
      byUsername.entrySet().removeIf(e -> stale(e.getValue(), now));
    }
    byUsername.compute(
        key,
        (k, a) -> {
          List<Instant> recent = new ArrayList<>();
          if (a != null) {
            for (Instant t : a.failures()) {
              if (now.isBefore(t.plus(window))) {
                recent.add(t);
              }
            }
          }
          recent.add(now);
          if (recent.size() >= maxFailures) {
            return new Attempts(List.of(), now.plus(lockout));
          }
          return new Attempts(List.copyOf(recent), null);
        });
  }

  /** Forgets the failures of {@code key} after a successful login. */
  void succeeded(String key) {
    byUsername.remove(key);
  }

  private boolean stale(Attempts a, Instant now) {
    boolean locked = a.lockedUntil() != null && now.isBefore(a.lockedUntil());
    boolean recent = a.failures().stream().anyMatch(t -> now.isBefore(t.plus(window)));
    return !locked && !recent;
  }
}
