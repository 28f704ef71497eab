package org.tawag.auth;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The field rules for users, in one place for the API, the command line and the store. Each check
 * returns the message for a bad value or {@code null} for a good one, and never quotes the value.
 */
public final class UserRules {
  /** Lower-case letters, digits, dot, underscore and hyphen, 1 to 64 of them. */
  public static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{1,64}");

  /** The fewest characters of a password. */
  public static final int PASSWORD_MIN_CHARS = 8;

  /**
   * The most UTF-8 bytes of a password: bcrypt reads 72 bytes including a terminating zero, and
   * more would be cut silently by other implementations; here it is refused instead.
   */
  public static final int PASSWORD_MAX_BYTES = 71;

  /** The longest display name. */
  public static final int DISPLAY_NAME_MAX = 200;

  private UserRules() {}

  /** The username as stored: trimmed and lower-cased; {@code null} stays {@code null}. */
  public static String normalizeUsername(String username) {
    return username == null ? null : username.trim().toLowerCase(Locale.ROOT);
  }

  /** What is wrong with a normalized {@code username}, or {@code null}. */
  public static String usernameProblem(String username) {
    if (username == null || username.isEmpty()) {
      return "is required";
    }
    if (!USERNAME.matcher(username).matches()) {
      return "must be 1 to 64 of a-z, 0-9, '.', '_', '-'";
    }
    return null;
  }

  /** What is wrong with {@code password} (web or SIP), or {@code null}. */
  public static String passwordProblem(String password) {
    if (password == null || password.isEmpty()) {
      return "is required";
    }
    if (password.codePointCount(0, password.length()) < PASSWORD_MIN_CHARS) {
      return "must be at least " + PASSWORD_MIN_CHARS + " characters";
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
      return "must be at most " + PASSWORD_MAX_BYTES + " bytes in UTF-8";
    }
    for (int i = 0; i < password.length(); i++) {
      if (Character.isISOControl(password.charAt(i))) {
        return "must not contain control characters";
      }
    }
    return null;
  }

  /** What is wrong with {@code displayName}, or {@code null}; blank is allowed. */
  public static String displayNameProblem(String displayName) {
    if (displayName != null && displayName.length() > DISPLAY_NAME_MAX) {
      return "must be at most " + DISPLAY_NAME_MAX + " characters";
    }
    if (displayName != null && displayName.chars().anyMatch(Character::isISOControl)) {
      return "must not contain control characters";
    }
    return null;
  }
}
