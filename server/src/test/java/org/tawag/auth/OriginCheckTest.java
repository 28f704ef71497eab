package org.tawag.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.net.HostAndPort;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OriginCheckTest {
  final OriginCheck check = new OriginCheck(List.of("https://ops.example.org"));

  @Test
  void ownOriginMatchesByHostHeaderWithDefaultPorts() {
    assertTrue(
        check.matches("http://pbx.local:8080", "http", HostAndPort.create("pbx.local", 8080)));
    assertTrue(check.matches("http://PBX.local", "http", HostAndPort.create("pbx.local", -1)));
    assertTrue(
        check.matches("https://pbx.local:443", "https", HostAndPort.create("pbx.local", -1)));
    assertTrue(check.matches("http://[::1]:8080", "http", HostAndPort.create("[::1]", 8080)));
  }

  @Test
  void otherSchemesHostsAndPortsDoNotMatch() {
    HostAndPort own = HostAndPort.create("pbx.local", 8080);
    assertFalse(check.matches("https://pbx.local:8080", "http", own));
    assertFalse(check.matches("http://pbx.local:8081", "http", own));
    assertFalse(check.matches("http://evil.example", "http", own));
    assertFalse(check.matches("http://pbx.local.evil.example:8080", "http", own));
    assertFalse(check.matches("null", "http", own));
    assertFalse(check.matches("http://pbx.local:8080/path", "http", own));
    assertFalse(check.matches("http://user@pbx.local:8080", "http", own));
  }

  @Test
  void configuredOriginsAreAllowedFromAnyHost() {
    HostAndPort own = HostAndPort.create("10.0.0.5", 8080);
    assertTrue(check.matches("https://ops.example.org", "http", own));
    assertTrue(check.matches("https://ops.example.org:443", "http", own));
    assertFalse(check.matches("http://ops.example.org", "http", own));
  }

  @Test
  void parseNormalizesAndSettingsRefuseNonOrigins() {
    assertEquals(Optional.of("https://a.b:443"), OriginCheck.parse("HTTPS://A.B"));
    assertEquals(Optional.empty(), OriginCheck.parse("ftp://a.b"));
    assertThrows(
        IllegalArgumentException.class,
        () -> AuthSettings.defaults().withAllowedOrigins(List.of("a.b")));
  }
}
