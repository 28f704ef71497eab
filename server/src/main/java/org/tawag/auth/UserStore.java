package org.tawag.auth;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Where users live. Every method returns at once; the work runs elsewhere (JDBC workers in {@link
 * JdbcUserStore}), so it may be called from an event loop or a SIP thread. Usernames given to it
 * are normalized (trimmed, lower-cased) first; a username that breaks {@link UserRules} is simply
 * not found.
 */
public interface UserStore {
  /**
   * Creates {@code user} with its password hashed.
   *
   * @return the stored user; the future fails with {@link ValidationException} for a bad field and
   *     {@link UsernameTakenException} for an existing username
   */
  CompletableFuture<User> create(NewUser user);

  /** The user named {@code username}, enabled or not. */
  CompletableFuture<Optional<User>> find(String username);

  /** The user named {@code username} with the password hash, to check a login. */
  CompletableFuture<Optional<Credentials>> credentials(String username);

  /** Every user, by username. */
  CompletableFuture<List<User>> list();

  /**
   * Sets a new web password.
   *
   * @return whether the user exists; fails with {@link ValidationException} for a bad password
   */
  CompletableFuture<Boolean> setPassword(String username, String password);

  /**
   * Sets or, with {@code null}, removes the SIP phone password.
   *
   * @return whether the user exists; fails with {@link ValidationException} for a bad password
   */
  CompletableFuture<Boolean> setSipPassword(String username, String sipPassword);

  /** Enables or disables a user; returns whether the user exists. */
  CompletableFuture<Boolean> setEnabled(String username, boolean enabled);

  /**
   * Replaces a user's roles.
   *
   * @return whether the user exists; fails with {@link ValidationException} for no roles
   */
  CompletableFuture<Boolean> setRoles(String username, Set<Role> roles);

  /**
   * The SIP digest secret {@code MD5(username:realm:sipPassword)} (32 lower-case hex digits) of an
   * enabled user with a SIP phone; empty for unknown, disabled or phoneless users.
   */
  CompletableFuture<Optional<String>> sipHa1(String username);

  /** Whether at least one enabled user holds {@link Role#ADMIN}. */
  CompletableFuture<Boolean> hasEnabledAdmin();
}
