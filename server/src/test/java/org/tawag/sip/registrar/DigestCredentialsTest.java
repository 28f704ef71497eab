package org.tawag.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestCredentialsTest {
  static Map<String, String> good() {
    Map<String, String> p = new HashMap<>();
    p.put("username", "alice");
    p.put("realm", "tawag");
    p.put("nonce", "n");
    p.put("uri", "sip:127.0.0.1");
    p.put("response", "6629FAE49393A05397450978507C4EF1");
    p.put("qop", "auth");
    p.put("nc", "0000000a");
    p.put("cnonce", "c");
    p.put("algorithm", "MD5");
    return p;
  }

  @Test
  void readsEveryField() {
    DigestCredentials c = DigestCredentials.parse(good()::get);
    assertEquals("alice", c.username());
    assertEquals("6629fae49393a05397450978507c4ef1", c.response());
    assertEquals(10, c.nonceCount());
  }

  @ParameterizedTest
  @CsvSource({
    "username,, username is missing",
    "nonce,, nonce is missing",
    "uri,, uri is missing",
    "cnonce,, cnonce is missing",
    "response,, response is missing",
    "response, xyz, response is not 32 hex digits",
    "qop,, qop=auth",
    "qop, auth-int, qop=auth",
    "nc, 1, nc is not eight hex digits",
    "algorithm, SHA-256, unsupported digest algorithm SHA-256",
  })
  void refusesAMissingOrMalformedField(String name, String value, String message) {
    Map<String, String> p = good();
    p.put(name, value);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DigestCredentials.parse(p::get));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }
}
