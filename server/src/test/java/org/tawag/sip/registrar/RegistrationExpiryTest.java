package org.tawag.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistrationExpiryTest {
  static final RegistrarSettings SETTINGS =
      new RegistrarSettings(
          "tawag",
          Duration.ofMinutes(5),
          Duration.ofSeconds(60),
          Duration.ofSeconds(3600),
          Duration.ofSeconds(1800),
          Duration.ofSeconds(30),
          new byte[16]);

  /** contact param, Expires header, what the registrar does. */
  @ParameterizedTest
  @CsvSource({
    "-1, -1, bind 1800", // neither: the default
    "-1, 300, bind 300",
    "300, -1, bind 300",
    "120, 600, bind 120", // the Contact parameter wins (RFC 3261 §10.2.1.1)
    "-1, 60, bind 60",
    "-1, 59, 423 60",
    "30, 600, 423 60",
    "-1, 3600, bind 3600",
    "-1, 7200, bind 3600", // cut to the maximum
    "4294967295, -1, bind 3600",
    "-1, 0, remove",
    "0, 600, remove",
    "600, 0, bind 600"
  })
  void clampsToTheLimits(long contactExpires, long headerExpires, String expected) {
    RegistrationExpiry.Decision d =
        RegistrationExpiry.decide(contactExpires, headerExpires, SETTINGS);
    String actual =
        d instanceof RegistrationExpiry.Decision.Bind b
            ? "bind " + b.expires().toSeconds()
            : d instanceof RegistrationExpiry.Decision.TooBrief t
                ? "423 " + t.min().toSeconds()
                : "remove";
    assertEquals(expected, actual);
  }
}
