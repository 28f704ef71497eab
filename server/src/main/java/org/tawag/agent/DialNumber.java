package org.tawag.agent;

import java.util.regex.Pattern;

/** The numbers an operator may dial: E.164 ({@code +} and 2-15 digits) or 1-32 dial-pad keys. */
public final class DialNumber {
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
  private static final Pattern KEYS = Pattern.compile("[0-9*#]{1,32}");

  private DialNumber() {}

  /** Whether {@code number} may be dialled. */
  public static boolean valid(String number) {
    return number != null && (E164.matcher(number).matches() || KEYS.matcher(number).matches());
  }

  /** Returns {@code number}, or throws an IllegalArgumentException naming the field. */
  public static String check(String number) {
    if (!valid(number)) {
      throw new IllegalArgumentException(
          "number must be E.164 (+ and 2-15 digits) or 1-32 of 0-9 * #");
    }
    return number;
  }
}
