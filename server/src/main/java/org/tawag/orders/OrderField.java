package org.tawag.orders;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One type-specific field of an {@link OrderType}, as configured in {@code tawag.orders.types}: a
 * taxi's pickup address, a loan's term. Its value travels as text and is stored normalised (see
 * {@link Kind}).
 *
 * @param name the JSON name inside {@code fields} ({@code term}); errors name it {@code
 *     fields.term}
 * @param options the allowed values; empty allows any value of the kind
 */
public record OrderField(String name, Kind kind, boolean required, List<String> options) {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,31}");

  /** What a field holds and how its value is written. */
  public enum Kind {
    /** Up to 500 characters. */
    TEXT,
    /** {@code YYYY-MM-DD}. */
    DATE,
    /** {@code HH:MM}. */
    TIME,
    /** {@code HH:MM-HH:MM}, start before end. */
    WINDOW,
    /** Non-negative, at most two decimals, stored with two ({@code "1500.00"}). */
    AMOUNT,
    /** A whole number, 0 to 1,000,000,000. */
    INT,
    /** A postal address as one line of text, up to 500 characters. */
    ADDRESS;

    /** The configuration and JSON code, e.g. {@code amount}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The kind for a code, or empty. */
    public static Optional<Kind> fromCode(String code) {
      for (Kind k : values()) {
        if (k.code().equals(code)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }

  /** Checks the name and copies the options. */
  public OrderField {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "field name must match [a-zA-Z][a-zA-Z0-9_]{0,31} but was " + name);
    }
    if (kind == null) {
      throw new IllegalArgumentException("field " + name + " needs a kind");
    }
    options = options == null ? List.of() : List.copyOf(options);
  }
}
