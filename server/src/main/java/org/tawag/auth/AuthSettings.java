package org.tawag.auth;

import java.time.Duration;
import java.util.List;

/**
 * How logins and sessions behave: bcrypt cost, session idle timeout and absolute lifetime, the
 * session cookie, which foreign origins may call the API or open the agent WebSocket, the login
 * throttle, and the SIP digest realm of phone passwords.
 *
 * @param bcryptCost bcrypt cost of new password hashes, {@value PasswordHasher#MIN_COST}..{@value
 *     PasswordHasher#MAX_COST}
 * @param idleTimeout a session unused this long ends
 * @param absoluteLifetime a session ends this long after login, however busy
 * @param cookieName the session cookie's name
 * @param secureCookie whether the cookie carries {@code Secure} (set it when served over HTTPS)
 * @param allowedOrigins origins besides the server's own, as {@code scheme://host[:port]}
 * @param loginMaxFailures failed logins of one username, within {@code loginFailureWindow}, that
 *     lock it
 * @param loginFailureWindow how far back failures count
 * @param loginLockout how long a locked username gets 429
 * @param sipRealm the realm of SIP digest secrets ({@code MD5(username:realm:password)})
 */
public record AuthSettings(
    int bcryptCost,
    Duration idleTimeout,
    Duration absoluteLifetime,
    String cookieName,
    boolean secureCookie,
    List<String> allowedOrigins,
    int loginMaxFailures,
    Duration loginFailureWindow,
    Duration loginLockout,
    String sipRealm) {

  /** The default session cookie name. */
  public static final String DEFAULT_COOKIE_NAME = "tawag_session";

  /** The default SIP realm; the SIP registrar must challenge with the same one. */
  public static final String DEFAULT_SIP_REALM = "tawag";

  /** Checks every value; a bad one is an {@link IllegalArgumentException} naming it. */
  public AuthSettings {
    if (bcryptCost < PasswordHasher.MIN_COST || bcryptCost > PasswordHasher.MAX_COST) {
      throw new IllegalArgumentException(
          "bcryptCost must be "
              + PasswordHasher.MIN_COST
              + ".."
              + PasswordHasher.MAX_COST
              + " but was "
              + bcryptCost);
    }
    positive("idleTimeout", idleTimeout);
    positive("absoluteLifetime", absoluteLifetime);
    positive("loginFailureWindow", loginFailureWindow);
    positive("loginLockout", loginLockout);
    if (cookieName == null || !cookieName.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException(
          "cookieName must be 1..64 of A-Z, a-z, 0-9, '_', '-' but was " + cookieName);
    }
    allowedOrigins = List.copyOf(allowedOrigins == null ? List.of() : allowedOrigins);
    for (String origin : allowedOrigins) {
      OriginCheck.parse(origin)
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "allowedOrigins must hold scheme://host[:port] but had " + origin));
    }
    if (loginMaxFailures < 1) {
      throw new IllegalArgumentException(
          "loginMaxFailures must be positive but was " + loginMaxFailures);
    }
    if (sipRealm == null || sipRealm.isBlank() || sipRealm.contains("\"")) {
      throw new IllegalArgumentException("sipRealm must be non-blank without quotes: " + sipRealm);
    }
  }

  /**
   * Cost 10, 8 h idle, 12 h lifetime, cookie {@code tawag_session} without {@code Secure} (plain
   * HTTP on a LAN or localhost works out of the box), no foreign origins, 5 failures in 5 min lock
   * a username for 5 min, realm {@code tawag}.
   */
  public static AuthSettings defaults() {
    return new AuthSettings(
        PasswordHasher.DEFAULT_COST,
        Duration.ofHours(8),
        Duration.ofHours(12),
        DEFAULT_COOKIE_NAME,
        false,
        List.of(),
        5,
        Duration.ofMinutes(5),
        Duration.ofMinutes(5),
        DEFAULT_SIP_REALM);
  }

  /** The same settings with another bcrypt cost. */
  public AuthSettings withBcryptCost(int cost) {
    return new AuthSettings(
        cost,
        idleTimeout,
        absoluteLifetime,
        cookieName,
        secureCookie,
        allowedOrigins,
        loginMaxFailures,
        loginFailureWindow,
        loginLockout,
        sipRealm);
  }

  /** The same settings with the {@code Secure} cookie flag on or off. */
  public AuthSettings withSecureCookie(boolean secure) {
    return new AuthSettings(
        bcryptCost,
        idleTimeout,
        absoluteLifetime,
        cookieName,
        secure,
        allowedOrigins,
        loginMaxFailures,
        loginFailureWindow,
        loginLockout,
        sipRealm);
  }

  /** The same settings with other allowed origins. */
  public AuthSettings withAllowedOrigins(List<String> origins) {
    return new AuthSettings(
        bcryptCost,
        idleTimeout,
        absoluteLifetime,
        cookieName,
        secureCookie,
        origins,
        loginMaxFailures,
        loginFailureWindow,
        loginLockout,
        sipRealm);
  }

  private static void positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive but was " + value);
    }
  }
}
