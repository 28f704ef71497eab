package org.tawag.config;

import java.util.regex.Pattern;

/** Reads "host:port", "host", "[v6]:port" and "[v6]" into a {@link HostPort}. */
public final class HostPortParser {
  private static final Pattern HOST_NAME =
      Pattern.compile(
          "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\\.?");
  private static final Pattern V6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");

  private static final Pattern IPV4_LIKE = Pattern.compile("[0-9.]+");

  private HostPortParser() {}

  /**
   * Parses {@code text}. An IPv6 literal needs brackets (RFC 3986 section 3.2.2), since its colons
   * would otherwise be read as the port separator.
   *
   * @param defaultPort the port when the text has none
   * @throws IllegalArgumentException naming the text when it is not a host and port 1..65535
   */
  public static HostPort parse(String text, int defaultPort) {
    String s = text.trim();
    String host;
    String port;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("missing ']' in '" + text + "'");
      }
      host = s.substring(1, close);
      String rest = s.substring(close + 1);
      if (!rest.isEmpty() && !rest.startsWith(":")) {
        throw new IllegalArgumentException("expected ':port' after ']' in '" + text + "'");
      }
      port = rest.isEmpty() ? null : rest.substring(1);
      if (!host.contains(":") || !V6_LITERAL.matcher(host).matches()) {
        throw new IllegalArgumentException("not an IPv6 literal in '" + text + "'");
      }
    } else {
      int colon = s.indexOf(':');
      if (colon >= 0 && s.indexOf(':', colon + 1) >= 0) {
        throw new IllegalArgumentException(
            "IPv6 literal needs brackets, e.g. '[::1]:5060', in '" + text + "'");
      }
      host = colon < 0 ? s : s.substring(0, colon);
      port = colon < 0 ? null : s.substring(colon + 1);
      if (!HOST_NAME.matcher(host).matches()
          || (IPV4_LIKE.matcher(host).matches() && !isIpv4(host))) {
        throw new IllegalArgumentException("not a host name or IPv4 address in '" + text + "'");
      }
    }
    return new HostPort(host, port == null ? defaultPort : parsePort(port, text));
  }

  private static boolean isIpv4(String host) {
    String[] octets = host.split("\\.", -1);
    if (octets.length != 4) {
      return false;
    }
    for (String octet : octets) {
      if (octet.isEmpty() || octet.length() > 3 || Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }

  private static int parsePort(String port, String text) {
    if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("bad port in '" + text + "'");
    }
    int value = Integer.parseInt(port);
    if (value < 1 || value > 65535) {
      throw new IllegalArgumentException("port out of 1..65535 in '" + text + "'");
    }
    return value;
  }
}
