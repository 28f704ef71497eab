package org.tawag.auth;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A user to create: login name, display name, web password, roles, and optionally a separate SIP
 * phone password. {@link #toString()} shows neither password nor display name (a person's name).
 *
 * @param username the login name; normalized (trimmed, lower-cased) by {@link #validated()}
 * @param displayName the shown name; blank means the username
 * @param password the web password
 * @param roles at least one role
 * @param sipPassword the SIP phone password, or {@code null} for a user without a phone
 */
public record NewUser(
    String username, String displayName, String password, Set<Role> roles, String sipPassword) {

  /** A user without a SIP phone. */
  public NewUser(String username, String displayName, String password, Set<Role> roles) {
    this(username, displayName, password, roles, null);
  }

  /**
   * This user normalized (username lower-cased, display name trimmed or the username) after every
   * field rule of {@link UserRules}.
   *
   * @throws ValidationException naming every bad field
   */
  public NewUser validated() {
    Map<String, String> errors = new LinkedHashMap<>();
    String name = UserRules.normalizeUsername(username);
    put(errors, "username", UserRules.usernameProblem(name));
    put(errors, "displayName", UserRules.displayNameProblem(displayName));
    put(errors, "password", UserRules.passwordProblem(password));
    if (roles == null || roles.isEmpty()) {
      errors.put("roles", "must name at least one of operator, supervisor, admin");
    }
    if (sipPassword != null) {
      put(errors, "sipPassword", UserRules.passwordProblem(sipPassword));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    String shown = displayName == null || displayName.isBlank() ? name : displayName.trim();
    return new NewUser(
        name, shown, password, Collections.unmodifiableSet(EnumSet.copyOf(roles)), sipPassword);
  }

  private static void put(Map<String, String> errors, String field, String problem) {
    if (problem != null) {
      errors.put(field, problem);
    }
  }

  @Override
  public String toString() {
    return "NewUser[username="
        + username
        + ", roles="
        + roles
        + ", sipPhone="
        + (sipPassword != null)
        + "]";
  }
}
