package org.tawag.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 network in CIDR notation ("10.0.0.0/8", "127.0.0.1/32", "::1/128"). */
public final class Cidr {
  private final byte[] network;
  private final int prefix;
  private final String text;

  private Cidr(byte[] network, int prefix, String text) {
    this.network = network;
    this.prefix = prefix;
    this.text = text;
  }

  /**
   * Parses {@code text}; a bare address means a single host.
   *
   * @throws IllegalArgumentException naming the text when it is not an IP literal and prefix
   */
  public static Cidr parse(String text) {
    String s = text.trim();
    int slash = s.indexOf('/');
    String addr = slash < 0 ? s : s.substring(0, slash);
    if (addr.isEmpty()
        || !(addr.indexOf(':') >= 0
            || addr.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
      throw new IllegalArgumentException("not an IP network: '" + text + "'");
    }
    if (addr.indexOf(':') < 0 && !isIpv4(addr)) {
      // Not a dotted quad: InetAddress would ask DNS about it, which start-up must never do.
      throw new IllegalArgumentException("not an IP network: '" + text + "'");
    }
    byte[] bytes;
    try {
      // An IP literal: InetAddress does not resolve names for these.
      bytes = InetAddress.getByName(addr).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP network: '" + text + "'", e);
    }
    int max = bytes.length * 8;
    int prefix;
    try {
      prefix = slash < 0 ? max : Integer.parseInt(s.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad prefix length in '" + text + "'", e);
    }
    if (prefix < 0 || prefix > max) {
      throw new IllegalArgumentException("prefix length out of 0.." + max + " in '" + text + "'");
    }
    return new Cidr(mask(bytes, prefix), prefix, s);
  }

  private static boolean isIpv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code address} lies inside this network. */
  public boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == network.length && java.util.Arrays.equals(mask(bytes, prefix), network);
  }

  private static byte[] mask(byte[] bytes, int prefix) {
    byte[] out = bytes.clone();
    for (int i = 0; i < out.length; i++) {
      int bits = Math.max(0, Math.min(8, prefix - i * 8));
      out[i] &= (byte) (0xFF << (8 - bits));
    }
    return out;
  }

  @Override
  public String toString() {
    return text;
  }
}
