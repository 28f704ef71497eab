package org.tawag.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a user may do. Roles do not imply each other: an admin who also takes calls holds {@link
 * #OPERATOR} as well, so every check names the roles it accepts.
 */
public enum Role {
  /** Takes and places calls in the softphone. */
  OPERATOR,
  /** Watches queues and operators, reads reports. */
  SUPERVISOR,
  /** Manages users and settings. */
  ADMIN;

  /** The lower-case name used in the database, JSON and the command line. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The role named {@code code} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the value when it is no role
   */
  public static Role fromCode(String code) {
    if (code != null) {
      for (Role r : values()) {
        if (r.code().equalsIgnoreCase(code.trim())) {
          return r;
        }
      }
    }
    throw new IllegalArgumentException(
        "role must be one of operator, supervisor, admin but was " + code);
  }

  /**
   * The roles of a comma-separated list such as {@code "operator,supervisor"}.
   *
   * @throws IllegalArgumentException naming the first unknown role, or for an empty list
   */
  public static Set<Role> parseList(String list) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (list != null) {
      for (String part : list.split(",", -1)) {
        if (!part.isBlank()) {
          roles.add(fromCode(part));
        }
      }
    }
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("roles must name at least one role but was " + list);
    }
    return roles;
  }
}
