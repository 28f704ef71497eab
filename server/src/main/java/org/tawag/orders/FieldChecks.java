package org.tawag.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The checks form fields share. Each reads a raw value, records a message in {@link FieldErrors}
 * when it is wrong and returns the typed value or {@code null} (absent or wrong), so a validation
 * runs every check and reports every problem. Blank text counts as absent: forms send "".
 */
final class FieldChecks {
  /** Largest amount NUMERIC(12,2) holds. */
  static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

  private FieldChecks() {}

  /** The trimmed value, or {@code null} when blank. */
  static String trimmed(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip();
    return s.isEmpty() ? null : s;
  }

  /** Trimmed text of at most {@code max} characters, or {@code null} when absent. */
  static String optionalText(FieldErrors errors, String field, String raw, int max) {
    String s = trimmed(raw);
    if (s != null && s.length() > max) {
      errors.add(field, "must be at most " + max + " characters");
      return null;
    }
    return s;
  }

  /** Trimmed text of 1 to {@code max} characters; absent is an error. */
  static String requiredText(FieldErrors errors, String field, String raw, int max) {
    String s = optionalText(errors, field, raw, max);
    if (s == null && !errors.has(field)) {
      errors.add(field, "is required");
    }
    return s;
  }

  /** An ISO date ({@code 2025-06-30}), or {@code null} when absent. */
  static LocalDate optionalDate(FieldErrors errors, String field, String raw) {
    String s = trimmed(raw);
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      errors.add(field, "must be a date as YYYY-MM-DD");
      return null;
    }
  }

  /** An ISO instant with offset ({@code 2025-06-30T14:00:00+02:00}), or {@code null}. */
  static Instant optionalInstant(FieldErrors errors, String field, String raw) {
    String s = trimmed(raw);
    if (s == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(field, "must be a date and time with offset, e.g. 2025-06-30T14:00:00+02:00");
      return null;
    }
  }

  /** A non-negative amount with at most two decimals, scaled to two; {@code null} when absent. */
  static BigDecimal optionalAmount(FieldErrors errors, String field, String raw) {
    String s = trimmed(raw);
    if (s == null) {
      return null;
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(s);
    } catch (NumberFormatException e) {
      errors.add(field, "must be a number such as 1500.00");
      return null;
    }
    if (amount.signum() < 0) {
      errors.add(field, "must not be negative");
      return null;
    }
    if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
      errors.add(field, "must have at most 2 decimals");
      return null;
    }
    if (amount.compareTo(MAX_AMOUNT) > 0) {
      errors.add(field, "must be at most " + MAX_AMOUNT);
      return null;
    }
    return amount.setScale(2);
  }
}
