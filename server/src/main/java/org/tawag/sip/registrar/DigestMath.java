package org.tawag.sip.registrar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The MD5 digest computations of RFC 2617 §3.2.2 (kept by RFC 3261 §22.4), server side. */
public final class DigestMath {
  private DigestMath() {}

  /** {@code HA1 = MD5(username ":" realm ":" password)}, lower-case hex. */
  public static String ha1(String username, String realm, String password) {
    return md5(username + ":" + realm + ":" + password);
  }

  /**
   * The expected {@code response} with {@code qop=auth}: {@code MD5(HA1 ":" nonce ":" nc ":" cnonce
   * ":auth:" MD5(method ":" uri))} (RFC 2617 §3.2.2.1).
   */
  public static String response(
      String ha1, String nonce, String nc, String cnonce, String method, String uri) {
    return md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + md5(method + ":" + uri));
  }

  static String md5(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }
}
