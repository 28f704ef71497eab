package org.tawag.orders;

import java.util.Map;

/**
 * A submission was refused: carries every field error found. It is a caller's mistake, hence an
 * {@link IllegalArgumentException}; the REST API answers 400 and the WebSocket gateway an error
 * message, both with {@link #errors()} by field.
 *
 * <p>The message names the fields and their problems but never their values, which may be phone
 * numbers or names.
 */
public final class ValidationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient Map<String, String> errors;

  /** An exception for {@code errors}, which must not be empty. */
  public ValidationException(FieldErrors errors) {
    super("invalid fields: " + errors);
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a ValidationException needs at least one field error");
    }
    this.errors = Map.copyOf(errors.asMap());
  }

  /** Field name to message; unmodifiable. */
  public Map<String, String> errors() {
    return errors;
  }
}
