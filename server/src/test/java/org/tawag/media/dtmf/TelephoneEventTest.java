package org.tawag.media.dtmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TelephoneEventTest {

  @ParameterizedTest(name = "{0} -> event {1}, E={2}, volume {3}, duration {4}")
  @CsvSource({
    "010a0140, 1, false, 10, 320",
    "018a08c0, 1, true, 10, 2240",
    "0b3fffff, 11, false, 63, 65535",
    "10800000, 16, true, 0, 0",
    // The R bit is reserved: ignored on receive.
    "054a00a0, 5, false, 10, 160",
  })
  void parsesWirePayloads(String hex, int event, boolean end, int volume, int duration) {
    byte[] buf = HexFormat.of().parseHex(hex);
    assertEquals(new TelephoneEvent(event, end, volume, duration), TelephoneEvent.parse(buf, 0, 4));
  }

  @Test
  void writeThenParseRoundTrips() {
    TelephoneEvent ev = new TelephoneEvent(11, true, 10, 800);
    byte[] buf = new byte[8];
    assertEquals(4, ev.write(buf, 2));
    assertEquals("0000 0b8a 0320 0000".replace(" ", ""), HexFormat.of().formatHex(buf));
    assertEquals(ev, TelephoneEvent.parse(buf, 2, 4));
  }

  @Test
  void parseNeedsFourBytes() {
    assertNull(TelephoneEvent.parse(new byte[3], 0, 3));
    assertNull(TelephoneEvent.parse(new byte[8], 6, 2));
  }

  @Test
  void parseIgnoresBytesAfterTheFirstFour() {
    byte[] buf = HexFormat.of().parseHex("030a00a0ffffffff");
    assertEquals(new TelephoneEvent(3, false, 10, 160), TelephoneEvent.parse(buf, 0, 8));
  }

  @ParameterizedTest(name = "event {0} <-> ''{1}''")
  @CsvSource({
    "0, 0", "1, 1", "5, 5", "9, 9", "10, *", "11, #", "12, A", "13, B", "14, C", "15, D", "16, !",
  })
  void mapsEventsToDigitsAndBack(int event, char digit) {
    assertEquals(digit, TelephoneEvent.digitOf(event));
    assertEquals(event, TelephoneEvent.eventOf(digit));
  }

  @Test
  void acceptsLowerCaseLetters() {
    assertEquals(12, TelephoneEvent.eventOf('a'));
    assertEquals(15, TelephoneEvent.eventOf('d'));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 17, 32, 255})
  void digitOfRejectsNonDtmfEvents(int event) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TelephoneEvent.digitOf(event));
    assertTrue(e.getMessage().contains(String.valueOf(event)), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(chars = {'E', 'x', ' ', '+', 'e'})
  void eventOfRejectsOtherCharactersNamingThem(char c) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TelephoneEvent.eventOf(c));
    assertTrue(e.getMessage().contains("'" + c + "'"), e.getMessage());
  }

  @ParameterizedTest(name = "event={0} volume={1} duration={2}")
  @CsvSource({"256, 10, 0", "-1, 10, 0", "1, 64, 0", "1, -1, 0", "1, 10, 65536", "1, 10, -1"})
  void rejectsOutOfRangeFields(int event, int volume, int duration) {
    assertThrows(
        IllegalArgumentException.class, () -> new TelephoneEvent(event, false, volume, duration));
  }
}
