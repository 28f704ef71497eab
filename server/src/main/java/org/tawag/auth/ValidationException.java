package org.tawag.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input that breaks a field rule: each offending field mapped to a message saying what it must be.
 * Messages never repeat the value, which may be a password. The API answers it as 400 {@code
 * {"errors": {field: message}}}.
 */
public final class ValidationException extends IllegalArgumentException {
  private final Map<String, String> errors;

  /** An exception for {@code errors}, field name to message, at least one. */
  public ValidationException(Map<String, String> errors) {
    super("invalid " + String.join(", ", errors.keySet()));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("errors must not be empty");
    }
    this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
  }

  /** An exception for one field. */
  public static ValidationException of(String field, String message) {
    return new ValidationException(Map.of(field, message));
  }

  /** Field name to message, in the order found. */
  public Map<String, String> errors() {
    return errors;
  }
}
