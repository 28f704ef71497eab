package org.tawag.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPortParserTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "127.0.0.1:5080, 127.0.0.1, 5080",
    "127.0.0.1, 127.0.0.1, 5060",
    "pbx.example.net:5061, pbx.example.net, 5061",
    "pbx-1, pbx-1, 5060",
    "'[::1]:5060', ::1, 5060",
    "'[2001:db8::10]', 2001:db8::10, 5060",
    "' 10.0.0.1:65535 ', 10.0.0.1, 65535",
  })
  void parses(String text, String host, int port) {
    HostPort hp = HostPortParser.parse(text, 5060);
    assertEquals(new HostPort(host, port), hp);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "::1:5060, needs brackets",
    "'[::1:5060', missing ']'",
    "'[::1]5060', expected ':port'",
    "'[pbx]:5060', not an IPv6 literal",
    "10.0.0.300:5060, not a host name or IPv4",
    "10.0.0:5060, not a host name or IPv4",
    "pbx_1:5060, not a host name",
    "':5060', not a host name",
    "pbx:0, out of 1..65535",
    "pbx:65536, out of 1..65535",
    "pbx:, bad port",
    "pbx:50a, bad port",
  })
  void refusesWithTheText(String text, String problem) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> HostPortParser.parse(text, 5060));
    assertTrue(e.getMessage().contains(problem), e.getMessage());
    assertTrue(e.getMessage().contains(text.trim()), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"127.0.0.1:5060", "'[::1]:5060'", "pbx.example:5080"})
  void toStringRoundTrips(String text) {
    assertEquals(text, HostPortParser.parse(text, 5060).toString());
  }
}
