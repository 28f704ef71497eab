package org.tawag.auth;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A logged-in user's session: the bearer token of the cookie, who it is, the roles at login, when
 * it began and when it was last used. {@link #toString()} hides the token, which is as good as the
 * password while the session lives.
 *
 * @param token 256 random bits, base64url without padding
 * @param username the user's login name
 * @param roles the user's roles at login
 * @param createdAt the login time
 * @param lastSeen the last request that used it
 */
public record Session(
    String token, String username, Set<Role> roles, Instant createdAt, Instant lastSeen) {

  /** Copies the roles into an unmodifiable set. */
  public Session {
    roles =
        roles == null || roles.isEmpty()
            ? Set.of()
            : Collections.unmodifiableSet(EnumSet.copyOf(roles));
  }

  /** Whether the session's user holds any of {@code accepted}. */
  public boolean hasAny(Set<Role> accepted) {
    return accepted.stream().anyMatch(roles::contains);
  }

  /** This session last used at {@code when}. */
  Session seenAt(Instant when) {
    return new Session(token, username, roles, createdAt, when);
  }

  @Override
  public String toString() {
    return "Session[username="
        + username
        + ", roles="
        + roles
        + ", createdAt="
        + createdAt
        + ", lastSeen="
        + lastSeen
        + "]";
  }
}
