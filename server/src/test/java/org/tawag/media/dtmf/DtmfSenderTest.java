package org.tawag.media.dtmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DtmfSenderTest {

  private final DtmfSender sender = new DtmfSender();

  private record Sent(TelephoneEvent event, boolean marker, long timestamp) {}

  private List<Sent> drain() {
    List<Sent> sent = new ArrayList<>();
    byte[] buf = new byte[4];
    while (sender.active()) {
      assertEquals(4, sender.next(buf, 0));
      sent.add(new Sent(TelephoneEvent.parse(buf, 0, 4), sender.marker(), sender.timestamp()));
      assertTrue(sent.size() < 1000, "sender never ends");
    }
    assertEquals(0, sender.next(buf, 0), "nothing more once the event is over");
    return sent;
  }

  @Test
  void sendsA100MsDigitAsUpdatesThenThreeEndPackets() {
    sender.start('5', 100, 48_000);
    assertTrue(sender.active());
    assertEquals(800, sender.durationSamples());

    List<Sent> sent = drain();

    List<Sent> expected =
        List.of(
            new Sent(new TelephoneEvent(5, false, 10, 160), true, 48_000),
            new Sent(new TelephoneEvent(5, false, 10, 320), false, 48_000),
            new Sent(new TelephoneEvent(5, false, 10, 480), false, 48_000),
            new Sent(new TelephoneEvent(5, false, 10, 640), false, 48_000),
            new Sent(new TelephoneEvent(5, true, 10, 800), false, 48_000),
            new Sent(new TelephoneEvent(5, true, 10, 800), false, 48_000),
            new Sent(new TelephoneEvent(5, true, 10, 800), false, 48_000));
    assertEquals(expected, sent);
    assertFalse(sender.active());
    assertFalse(sender.marker());
  }

  @ParameterizedTest(name = "{0} ms -> {1} samples, {2} packets")
  @CsvSource({"20, 160, 3", "1, 160, 3", "30, 320, 4", "40, 320, 4", "250, 2080, 15"})
  void roundsTheDurationUpToWholeFrames(int ms, int samples, int packets) {
    sender.start('#', ms, 0);
    assertEquals(samples, sender.durationSamples());
    List<Sent> sent = drain();
    assertEquals(packets, sent.size());
    assertEquals(samples, sent.get(sent.size() - 1).event().duration());
    assertTrue(sent.get(0).marker());
    assertEquals(3, sent.stream().filter(s -> s.event().end()).count());
  }

  @Test
  void aSentDigitIsReceivedOnce() {
    DtmfReceiver receiver = new DtmfReceiver();
    StringBuilder digits = new StringBuilder();
    long ts = 0xFFFF_FE00L;
    for (char key : "1#A".toCharArray()) {
      sender.start(key, 100, ts);
      for (Sent s : drain()) {
        char d = receiver.accept(s.timestamp(), s.event());
        if (d != 0) {
          digits.append(d);
        }
      }
      ts = (ts + sender.durationSamples() + 400) & 0xFFFF_FFFFL;
    }
    assertEquals("1#A", digits.toString());
  }

  @Test
  void nextWritesNothingBeforeAnEvent() {
    byte[] buf = {9, 9, 9, 9};
    assertFalse(sender.active());
    assertEquals(0, sender.next(buf, 0));
    assertEquals(9, buf[0]);
  }

  @Test
  void keepsTheTimestampAs32Bits() {
    sender.start('0', 20, (1L << 32) + 5);
    assertEquals(5, sender.timestamp());
  }

  @Test
  void rejectsBadDigitsAndDurations() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> sender.start('x', 100, 0));
    assertTrue(e.getMessage().contains("'x'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> sender.start('1', 0, 0));
    assertThrows(IllegalArgumentException.class, () -> sender.start('1', 9000, 0));
    assertFalse(sender.active());
  }

  @Test
  void refusesToStartOverAnEventInProgress() {
    sender.start('1', 100, 0);
    sender.next(new byte[4], 0);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> sender.start('2', 100, 800));
    assertTrue(e.getMessage().contains("'1'"), e.getMessage());
    drain();
    sender.start('2', 100, 1600);
    assertEquals(1600, sender.timestamp());
  }
}
