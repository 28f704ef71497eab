package org.tawag.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DigestMathTest {
  /** RFC 2617 §3.5: the worked example, qop=auth. */
  @Test
  void matchesTheRfc2617Example() {
    String ha1 = DigestMath.ha1("Mufasa", "testrealm@host.com", "Circle Of Life");
    assertEquals("939e7578ed9e3c518a452acee763bce9", ha1);
    assertEquals(
        "6629fae49393a05397450978507c4ef1",
        DigestMath.response(
            ha1,
            "dcd98b7102dd2f0e8b11d0f600bfb0c093",
            "00000001",
            "0a4f113b",
            "GET",
            "/dir/index.html"));
  }

  /** RFC 7616 §3.9.1: the MD5 example, qop=auth. */
  @Test
  void matchesTheRfc7616Md5Example() {
    String ha1 = DigestMath.ha1("Mufasa", "http-auth@example.org", "Circle of Life");
    assertEquals(
        "8ca523f5e9506fed4657c9700eebdbec",
        DigestMath.response(
            ha1,
            "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
            "00000001",
            "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
            "GET",
            "/dir/index.html"));
  }

  /** A REGISTER as a phone answers it, computed independently of DigestMath. */
  @Test
  void matchesAHandComputedRegister() {
    String ha1 = DigestMath.md5("alice:tawag:pw");
    String ha2 = DigestMath.md5("REGISTER:sip:127.0.0.1:5060");
    assertEquals(
        DigestMath.md5(ha1 + ":n0nce:0000000a:c1:auth:" + ha2),
        DigestMath.response(ha1, "n0nce", "0000000a", "c1", "REGISTER", "sip:127.0.0.1:5060"));
  }
}
