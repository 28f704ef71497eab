package org.tawag.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DtmfInfoTest {
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Signal=5\\r\\nDuration=160|5",
        "Signal= #\\nDuration=100|#",
        "signal=*|*",
        "Signal=a|A",
        "7|7",
        "Signal=12|''",
        "Signal=x|''",
        "Duration=160|''",
        "''|''",
      })
  void readsTheDigitOfDtmfRelayAndDtmfBodies(String body, String digit) {
    char expected = digit.isEmpty() ? 0 : digit.charAt(0);
    assertEquals(expected, DtmfInfo.digit(body.replace("\\r", "\r").replace("\\n", "\n")));
  }
}
