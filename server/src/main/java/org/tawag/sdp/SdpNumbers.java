package org.tawag.sdp;

/** Reads the unsigned decimal numbers of SDP fields, which allow no sign, space or exponent. */
final class SdpNumbers {
  private SdpNumbers() {}

  /**
   * Reads a number of up to 9 digits.
   *
   * @throws IllegalArgumentException naming {@code what} when {@code text} is not such a number
   */
  static int parseInt(String what, String text) {
    return (int) parse(what, text, 9);
  }

  /** Reads a number of up to 18 digits, enough for the 64-bit values of RFC 4566 §5.2. */
  static long parseLong(String what, String text) {
    return parse(what, text, 18);
  }

  private static long parse(String what, String text, int maxDigits) {
    if (text.isEmpty()
        || text.length() > maxDigits
        || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("bad " + what + ": " + text);
    }
    return Long.parseLong(text);
  }
}
