package org.tawag.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/**
 * The live login sessions, in memory: a restart logs everybody out, which a call center can live
 * with and which keeps tokens out of the database. A session ends after {@code idleTimeout} without
 * use or {@code absoluteLifetime} after login, whichever comes first, by the injected clock.
 * Thread-safe; every method is quick and never blocks.
 */
public final class Sessions {
  private static final int TOKEN_BYTES = 32;
  private static final Base64.Encoder TOKEN_ENCODING = Base64.getUrlEncoder().withoutPadding();

  private final ConcurrentMap<String, Session> byToken = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Duration idleTimeout;
  private final Duration absoluteLifetime;
  private final Clock clock;

  /** Sessions that end after {@code idleTimeout} unused or {@code absoluteLifetime} in all. */
  public Sessions(Duration idleTimeout, Duration absoluteLifetime, Clock clock) {
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive but was " + idleTimeout);
    }
    if (absoluteLifetime.isNegative() || absoluteLifetime.isZero()) {
      throw new IllegalArgumentException(
          "absoluteLifetime must be positive but was " + absoluteLifetime);
    }
    this.idleTimeout = idleTimeout;
    this.absoluteLifetime = absoluteLifetime;
    this.clock = clock;
  }

  /** Sessions with the timeouts of {@code settings}. */
  public static Sessions of(AuthSettings settings, Clock clock) {
    return new Sessions(settings.idleTimeout(), settings.absoluteLifetime(), clock);
  }

  /** Starts a session for {@code user} with a fresh random token. */
  public Session create(User user) {
    return create(user.username(), user.roles());
  }

  /** Starts a session for {@code username} holding {@code roles} with a fresh random token. */
  public Session create(String username, Set<Role> roles) {
    Instant now = clock.instant();
    purgeExpired(now);
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    Session session = new Session(TOKEN_ENCODING.encodeToString(bytes), username, roles, now, now);
    byToken.put(session.token(), session);
    return session;
  }

  /**
   * The live session of {@code token}, now marked as used; empty for an unknown, ended or {@code
   * null} token (an ended one is removed).
   */
  public Optional<Session> resolve(String token) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Session touched =
        byToken.computeIfPresent(token, (t, s) -> expired(s, now) ? null : s.seenAt(now));
    return Optional.ofNullable(touched);
  }

  /** Ends the session of {@code token}; returns whether there was one. */
  public boolean invalidate(String token) {
    return token != null && byToken.remove(token) != null;
  }

  /** Ends every session of {@code username} (logout everywhere, disabled user, new roles). */
  public int invalidateUser(String username) {
    String name = UserRules.normalizeUsername(username);
    return removeIf(s -> s.username().equals(name));
  }

  /** The number of sessions held, ended ones not yet purged included. */
  public int size() {
    return byToken.size();
  }

  /** Drops every ended session; returns how many. */
  public int purgeExpired() {
    return purgeExpired(clock.instant());
  }

  private int purgeExpired(Instant now) {
    return removeIf(s -> expired(s, now));
  }

  private int removeIf(Predicate<Session> condition) {
    // Decided per key inside computeIfPresent, so a session touched at the same moment is judged
    // in its latest state and cannot slip past an invalidation.
    int[] removed = {0};
    for (String token : byToken.keySet()) {
      byToken.computeIfPresent(
          token,
          (t, s) -> {
            if (condition.test(s)) {
              removed[0]++;
              return null;
            }
            return s;
          });
    }
    return removed[0];
  }

  private boolean expired(Session s, Instant now) {
    return !now.isBefore(s.lastSeen().plus(idleTimeout))
        || !now.isBefore(s.createdAt().plus(absoluteLifetime));
  }
}
