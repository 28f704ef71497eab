package org.tawag.auth;

/**
 * A user with the bcrypt hash of the web password, read only to check a login. {@link #toString()}
 * hides the hash.
 *
 * @param user the user
 * @param passwordHash the bcrypt hash
 */
public record Credentials(User user, String passwordHash) {
  @Override
  public String toString() {
    return "Credentials[user=" + user + ", passwordHash=***]";
  }
}
