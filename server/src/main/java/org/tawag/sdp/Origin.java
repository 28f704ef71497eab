package org.tawag.sdp;

/**
 * The {@code o=} line (RFC 4566 §5.2): who created the session and which version of it this is. The
 * network type is always {@code IN}.
 *
 * @param username the creator's login, {@code -} when there is none
 * @param sessionId a numeric string, constant for the session; kept as text because peers send
 *     values wider than a {@code long}
 * @param version the session version; it grows when the description changes (RFC 3264 §8)
 * @param addressType {@code IP4} or {@code IP6}
 * @param address the creating host's address
 */
public record Origin(
    String username, String sessionId, long version, String addressType, String address) {
  public Origin {
    checkToken("username", username);
    checkToken("session id", sessionId);
    if (!sessionId.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("session id must be digits: " + sessionId);
    }
    if (version < 0) {
      throw new IllegalArgumentException("session version must not be negative: " + version);
    }
    Connection.checkAddressType(addressType);
    checkToken("address", address);
  }

  static void checkToken(String what, String token) {
    if (token == null || token.isEmpty() || !token.chars().allMatch(c -> c > ' ' && c < 127)) {
      throw new IllegalArgumentException("bad " + what + ": " + token);
    }
  }

  /** This origin with another version. */
  public Origin withVersion(long newVersion) {
    return new Origin(username, sessionId, newVersion, addressType, address);
  }

  @Override
  public String toString() {
    return "o=" + username + " " + sessionId + " " + version + " IN " + addressType + " " + address;
  }
}
