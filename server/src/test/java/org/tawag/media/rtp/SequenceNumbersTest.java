package org.tawag.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SequenceNumbersTest {

  @ParameterizedTest(name = "next({0}) = {1}")
  @CsvSource({"0, 1", "1000, 1001", "65534, 65535", "65535, 0"})
  void nextWrapsAt65535(int seq, int next) {
    assertEquals(next, SequenceNumbers.next(seq));
  }

  @ParameterizedTest(name = "delta({0}, {1}) = {2}")
  @CsvSource({
    "0, 0, 0",
    "10, 11, 1",
    "11, 10, -1",
    "65535, 0, 1",
    "0, 65535, -1",
    "65530, 5, 11",
    "5, 65530, -11",
    "0, 32767, 32767",
    "0, 32768, -32768",
  })
  void deltaIsSignedAcrossTheWrap(int a, int b, int delta) {
    assertEquals(delta, SequenceNumbers.delta(a, b));
  }

  @ParameterizedTest(name = "isNewer({0}, {1}) = {2}")
  @CsvSource({
    "11, 10, true",
    "10, 11, false",
    "10, 10, false",
    "0, 65535, true",
    "65535, 0, false",
    "3, 65000, true",
    "32767, 0, true",
    "32768, 0, false",
  })
  void isNewerUsesSerialArithmetic(int a, int b, boolean newer) {
    assertEquals(newer, SequenceNumbers.isNewer(a, b));
  }
}
