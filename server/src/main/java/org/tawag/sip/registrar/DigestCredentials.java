package org.tawag.sip.registrar;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The fields of an {@code Authorization: Digest} header a registrar checks (RFC 2617 §3.2.2),
 * exactly as the phone sent them (the digest is computed over the text, so nothing is re-encoded).
 *
 * @param nc the nonce count as sent, eight hex digits
 */
record DigestCredentials(
    String username,
    String realm,
    String nonce,
    String uri,
    String response,
    String nc,
    String cnonce) {

  /**
   * Reads the header's parameters through {@code param} (name to unquoted value, or null).
   *
   * @throws IllegalArgumentException naming the missing or malformed parameter; the registrar
   *     answers 400 with it
   */
  static DigestCredentials parse(UnaryOperator<String> param) {
    String algorithm = param.apply("algorithm");
    if (algorithm != null && !algorithm.equalsIgnoreCase("MD5")) {
      throw new IllegalArgumentException("unsupported digest algorithm " + algorithm);
    }
    String qop = param.apply("qop");
    if (qop == null || !qop.toLowerCase(Locale.ROOT).equals("auth")) {
      throw new IllegalArgumentException("digest must use qop=auth");
    }
    String nc = required(param, "nc");
    if (!nc.matches("[0-9a-fA-F]{8}")) {
      throw new IllegalArgumentException("digest nc is not eight hex digits");
    }
    String response = required(param, "response");
    if (!response.matches("[0-9a-fA-F]{32}")) {
      throw new IllegalArgumentException("digest response is not 32 hex digits");
    }
    return new DigestCredentials(
        required(param, "username"),
        required(param, "realm"),
        required(param, "nonce"),
        required(param, "uri"),
        response.toLowerCase(Locale.ROOT),
        nc,
        required(param, "cnonce"));
  }

  /** The nonce count as a number. */
  long nonceCount() {
    return Long.parseLong(nc, 16);
  }

  private static String required(UnaryOperator<String> param, String name) {
    String v = param.apply(name);
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException("digest " + name + " is missing");
    }
    return v;
  }
}
