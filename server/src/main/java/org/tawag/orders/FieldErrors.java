package org.tawag.orders;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The problems found in one submission, field name to message, so a form shows every error next to
 * its field at once rather than one per round trip. Field names are the JSON names, nested ones
 * dotted ({@code address.city}). The first message for a field wins: it is the most basic one (a
 * wrong type before a bad value).
 *
 * <p>Not thread-safe: one is filled by one validation and then read.
 */
public final class FieldErrors {
  private final Map<String, String> errors = new LinkedHashMap<>();

  /** Records {@code message} for {@code field} unless the field has a message already. */
  public FieldErrors add(String field, String message) {
    errors.putIfAbsent(field, message);
    return this;
  }

  /** Adds every error of {@code other} whose field has none here yet. */
  public FieldErrors addAll(FieldErrors other) {
    other.errors.forEach(this::add);
    return this;
  }

  /** Whether {@code field} has an error. */
  public boolean has(String field) {
    return errors.containsKey(field);
  }

  /** Whether nothing was found. */
  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /** The errors in the order they were found; unmodifiable. */
  public Map<String, String> asMap() {
    return Collections.unmodifiableMap(errors);
  }

  /**
   * Throws a {@link ValidationException} carrying these errors if there are any.
   *
   * @throws ValidationException when not empty
   */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ValidationException(this);
    }
  }

  /** One error, for the stores' checks that need no form. */
  public static FieldErrors of(String field, String message) {
    return new FieldErrors().add(field, message);
  }

  @Override
  public String toString() {
    return errors.toString();
  }
}
