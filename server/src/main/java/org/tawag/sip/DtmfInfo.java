package org.tawag.sip;

import java.util.Locale;

/**
 * Reads a digit from a SIP INFO body: {@code application/dtmf-relay} ({@code Signal=5}) or {@code
 * application/dtmf} (just the digit), as PBXs send when RFC 4733 was not negotiated.
 */
final class DtmfInfo {
  private DtmfInfo() {}

  /** The digit in {@code body}, or 0 when there is none. */
  static char digit(String body) {
    for (String line : body.split("\r?\n")) {
      String l = line.trim();
      if (l.toLowerCase(Locale.ROOT).startsWith("signal")) {
        int eq = l.indexOf('=');
        return eq < 0 ? 0 : valid(l.substring(eq + 1).trim());
      }
    }
    return valid(body.trim());
  }

  private static char valid(String s) {
    if (s.length() != 1) {
      return 0;
    }
    char c = Character.toUpperCase(s.charAt(0));
    return (c >= '0' && c <= '9') || c == '*' || c == '#' || (c >= 'A' && c <= 'D') ? c : 0;
  }
}
