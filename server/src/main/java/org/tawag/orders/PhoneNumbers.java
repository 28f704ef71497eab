package org.tawag.orders;

import java.util.Optional;

/**
 * Turns phone numbers as people and trunks write them into E.164 ({@code +} and 8 to 15 digits),
 * the one form customers are stored and found by.
 *
 * <p>Rules, in order: spaces, dashes, dots and parentheses are dropped; a leading {@code +} or
 * {@code 00} starts an international number; a leading {@code 0} is a national number of the
 * default country ({@code 0xx} becomes {@code +<cc>xx}); any other string of digits is taken as
 * international without its {@code +}, as trunks usually send it. The result must have 8 to 15
 * digits, not starting with 0. Anything else (letters, {@code anonymous}, empty) is no number.
 */
public final class PhoneNumbers {
  /** Fewest digits (country code included) accepted. */
  public static final int MIN_DIGITS = 8;

  /** Most digits E.164 allows. */
  public static final int MAX_DIGITS = 15;

  private PhoneNumbers() {}

  /**
   * The E.164 form of {@code raw}, or empty when it is not a phone number.
   *
   * @param defaultCountryCode the country code (1 to 3 digits, no {@code +}) of national numbers
   * @throws IllegalArgumentException when {@code defaultCountryCode} is not 1 to 3 digits
   */
  public static Optional<String> normalise(String raw, String defaultCountryCode) {
    checkCountryCode(defaultCountryCode);
    if (raw == null) {
      return Optional.empty();
    }
    StringBuilder s = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '\u00a0') {
        s.append(c);
      }
    }
    String digits;
    String cleaned = s.toString();
    if (cleaned.startsWith("+")) {
      digits = cleaned.substring(1);
    } else if (cleaned.startsWith("00")) {
      digits = cleaned.substring(2);
    } else if (cleaned.startsWith("0")) {
      digits = defaultCountryCode + cleaned.substring(1);
    } else {
      digits = cleaned;
    }
    if (digits.length() < MIN_DIGITS
        || digits.length() > MAX_DIGITS
        || digits.charAt(0) == '0'
        || !allDigits(digits)) {
      return Optional.empty();
    }
    return Optional.of("+" + digits);
  }

  /** Whether {@code value} is already in E.164 as {@link #normalise} writes it. */
  public static boolean isE164(String value) {
    return value != null
        && value.length() >= MIN_DIGITS + 1
        && value.length() <= MAX_DIGITS + 1
        && value.charAt(0) == '+'
        && value.charAt(1) != '0'
        && allDigits(value.substring(1));
  }

  static void checkCountryCode(String cc) {
    if (cc == null || cc.isEmpty() || cc.length() > 3 || !allDigits(cc) || cc.charAt(0) == '0') {
      throw new IllegalArgumentException(
          "defaultCountryCode must be 1 to 3 digits without + but was " + cc);
    }
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
