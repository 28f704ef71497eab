package org.tawag.sdp;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Reads IPv4 and IPv6 address literals without ever asking DNS: SDP may name a host (RFC 4566
 * §5.7), but this package stays pure and treats a host name as unusable.
 */
final class IpLiteral {
  /** The IPv4 unspecified address that RFC 2543 peers put in {@code c=} to hold (RFC 3264 §8.4). */
  static final String LEGACY_HOLD = "0.0.0.0";

  private IpLiteral() {}

  /** Whether {@code text} is an IPv4 dotted quad or an IPv6 literal. */
  static boolean isLiteral(String text) {
    return parse(text) != null;
  }

  /** The address {@code text} spells, or null when it is not an IP literal. */
  static InetAddress parse(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      byte[] ipv4 = parseIpv4(text);
      if (ipv4 != null) {
        return InetAddress.getByAddress(ipv4);
      }
      // With a colon in it, InetAddress reads the text as an IPv6 literal and never resolves it;
      // the character check keeps zone ids and brackets out.
      if (text.indexOf(':') >= 0
          && text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
        return InetAddress.getByName(text);
      }
    } catch (UnknownHostException e) {
      return null;
    }
    return null;
  }

  /** Four decimal octets 0..255 separated by dots, nothing else (no BSD short forms). */
  private static byte[] parseIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return null;
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        return null;
      }
      bytes[i] = (byte) octet;
    }
    return bytes;
  }
}
