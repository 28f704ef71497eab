package org.tawag.auth;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A stored user as the rest of Tawag sees it: no password hash and no SIP digest secret, so it can
 * be logged, cached and sent as JSON without leaking either.
 *
 * @param id the database key
 * @param username lower-case login name, {@code [a-z0-9._-]{1,64}}
 * @param displayName the name shown in the UI
 * @param roles the roles; empty for a user whose roles were all taken away (it may log in but
 *     passes no role check)
 * @param enabled whether the user may log in and register a phone
 * @param hasSipPhone whether a SIP phone password is set
 * @param createdAt when the user was created
 * @param passwordChangedAt when the web password was last set
 */
public record User(
    long id,
    String username,
    String displayName,
    Set<Role> roles,
    boolean enabled,
    boolean hasSipPhone,
    Instant createdAt,
    Instant passwordChangedAt) {

  /** Copies the roles into an unmodifiable set; {@code null} roles are none. */
  public User {
    if (username == null || username.isEmpty()) {
      throw new IllegalArgumentException("username must not be empty");
    }
    roles =
        roles == null || roles.isEmpty()
            ? Set.of()
            : Collections.unmodifiableSet(EnumSet.copyOf(roles));
  }

  /** Whether this user holds {@code role}. */
  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Leaves out the display name, a person's name, so a logged user carries no personal data. */
  @Override
  public String toString() {
    return "User[id="
        + id
        + ", username="
        + username
        + ", roles="
        + roles
        + ", enabled="
        + enabled
        + "]";
  }
}
