package org.tawag.auth;

/** A new user's username belongs to an existing user already (the API answers 409). */
public final class UsernameTakenException extends IllegalStateException {
  private final String username;

  /** The exception for {@code username}. */
  public UsernameTakenException(String username) {
    super("username " + username + " is taken");
    this.username = username;
  }

  /** The username that is taken. */
  public String username() {
    return username;
  }
}
