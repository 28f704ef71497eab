package org.tawag.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DigestAuthorizerTest {
  /** RFC 2617 §3.5, the worked example (qop=auth). */
  @Test
  void matchesTheRfc2617Example() {
    assertEquals(
        "6629fae49393a05397450978507c4ef1",
        DigestAuthorizer.response(
            "Mufasa",
            "testrealm@host.com",
            "Circle Of Life",
            "GET",
            "/dir/index.html",
            "dcd98b7102dd2f0e8b11d0f600bfb0c093",
            "00000001",
            "0a4f113b"));
  }

  /** Without qop: MD5(HA1:nonce:HA2) (RFC 2617 §3.2.2.1, as RFC 2069). */
  @Test
  void withoutQopUsesTheShortForm() {
    String ha1 = DigestAuthorizer.md5("tawag:trunk.test:secret");
    String ha2 = DigestAuthorizer.md5("INVITE:sip:5551234@127.0.0.1:5080");
    assertEquals(
        DigestAuthorizer.md5(ha1 + ":abc123:" + ha2),
        DigestAuthorizer.response(
            "tawag",
            "trunk.test",
            "secret",
            "INVITE",
            "sip:5551234@127.0.0.1:5080",
            "abc123",
            null,
            null));
  }
}
