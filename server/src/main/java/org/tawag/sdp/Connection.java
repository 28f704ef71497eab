package org.tawag.sdp;

/**
 * A {@code c=} line (RFC 4566 §5.7): where media for a session or a stream goes. The network type
 * is always {@code IN}.
 *
 * @param addressType {@code IP4} or {@code IP6}
 * @param address an IP literal or a host name, as written (multicast suffixes included)
 */
public record Connection(String addressType, String address) {
  public Connection {
    checkAddressType(addressType);
    Origin.checkToken("connection address", address);
  }

  /** A connection for an IP literal, {@code IP6} when it contains a colon. */
  public static Connection of(String address) {
    return new Connection(address != null && address.indexOf(':') >= 0 ? "IP6" : "IP4", address);
  }

  static void checkAddressType(String addressType) {
    if (!"IP4".equals(addressType) && !"IP6".equals(addressType)) {
      throw new IllegalArgumentException("address type must be IP4 or IP6: " + addressType);
    }
  }

  @Override
  public String toString() {
    return "c=IN " + addressType + " " + address;
  }
}
