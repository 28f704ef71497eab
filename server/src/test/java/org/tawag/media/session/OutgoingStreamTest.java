package org.tawag.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tawag.media.AudioCodec;
import org.tawag.media.AudioSource;
import org.tawag.media.dtmf.TelephoneEvent;
import org.tawag.media.rtp.RtpHeader;

class OutgoingStreamTest {
  private final List<byte[]> packets = new ArrayList<>();
  private final OutgoingStream stream =
      new OutgoingStream((p, len) -> packets.add(Arrays.copyOf(p, len)));

  private static AudioSource constant(byte value) {
    return (codec, frame) -> {
      Arrays.fill(frame, value);
      return true;
    };
  }

  private RtpHeader header(int i) {
    byte[] p = packets.get(i);
    return RtpHeader.parse(p, 0, p.length);
  }

  @Test
  void keepsOneSsrcSequenceAndTimestampLineAcrossSources() {
    stream.configure(AudioCodec.PCMU, 0, 101, 20);
    stream.frame(true, constant((byte) 1));
    stream.frame(true, constant((byte) 1));
    stream.markNextPacket();
    stream.frame(true, constant((byte) 2));
    stream.frame(true, null);
    assertEquals(4, packets.size());
    RtpHeader first = header(0);
    for (int i = 0; i < 4; i++) {
      RtpHeader h = header(i);
      assertEquals(first.ssrc(), h.ssrc());
      assertEquals((first.sequence() + i) & 0xFFFF, h.sequence());
      assertEquals((first.timestamp() + 160L * i) & 0xFFFFFFFFL, h.timestamp());
      assertEquals(0, h.payloadType());
      assertEquals(160, h.payloadLength());
      assertEquals(i == 0 || i == 2, h.marker(), "marker of packet " + i);
    }
    assertEquals(2, packets.get(2)[12]);
    assertEquals((byte) 0xFF, packets.get(3)[12], "no source sends µ-law silence");
    assertEquals(4, stream.packetsSent());
    assertEquals(640, stream.octetsSent());
  }

  @ParameterizedTest
  @CsvSource({"10, 12, 80", "20, 6, 160", "30, 4, 240", "40, 3, 320", "60, 2, 480"})
  void packsFramesIntoThePacketTime(int ptime, int expectedPackets, int payload) {
    stream.configure(AudioCodec.PCMA, 8, -1, ptime);
    for (int i = 0; i < 6; i++) {
      stream.frame(true, constant((byte) i));
    }
    assertEquals(expectedPackets, packets.size());
    for (int i = 0; i < expectedPackets; i++) {
      RtpHeader h = header(i);
      assertEquals(payload, h.payloadLength());
      assertEquals(8, h.payloadType());
      assertEquals((header(0).timestamp() + (long) payload * i) & 0xFFFFFFFFL, h.timestamp());
      // The first byte of packet i came from frame (i * payload / 160).
      assertEquals((byte) (i * payload / 160), packets.get(i)[12]);
    }
  }

  @Test
  void notSendingKeepsTheClockRunning() {
    stream.configure(AudioCodec.PCMU, 0, -1, 20);
    stream.frame(true, null);
    stream.frame(false, null);
    stream.frame(false, null);
    stream.skip(5);
    stream.frame(true, null);
    assertEquals(2, packets.size());
    assertEquals(header(0).sequence() + 1, header(1).sequence());
    assertEquals(header(0).timestamp() + 160 * 8, header(1).timestamp());
    assertTrue(header(1).marker());
  }

  @Test
  void digitSuspendsAudioAndEndsWithThreeEndPackets() {
    stream.configure(AudioCodec.PCMU, 0, 101, 20);
    stream.frame(true, null);
    long eventTimestamp = stream.timestamp();
    assertTrue(stream.startDigit('7', 100));
    for (int i = 0; i < 12; i++) {
      stream.frame(true, constant((byte) 3));
    }
    List<TelephoneEvent> events = new ArrayList<>();
    int lastEvent = 0;
    for (int i = 1; i < packets.size(); i++) {
      RtpHeader h = header(i);
      if (h.payloadType() == 101) {
        assertEquals(eventTimestamp, h.timestamp());
        assertEquals(i == 1, h.marker());
        events.add(TelephoneEvent.parse(packets.get(i), h.payloadOffset(), h.payloadLength()));
        lastEvent = i;
      }
      assertEquals((header(0).sequence() + i) & 0xFFFF, h.sequence());
    }
    assertEquals(
        List.of(160, 320, 480, 640, 800, 800, 800),
        events.stream().map(TelephoneEvent::duration).toList());
    assertEquals(
        List.of(false, false, false, false, true, true, true),
        events.stream().map(TelephoneEvent::end).toList());
    assertTrue(events.stream().allMatch(e -> e.event() == 7));
    RtpHeader audio = header(lastEvent + 1);
    assertEquals(0, audio.payloadType());
    assertTrue(audio.marker());
    // The audio clock ran on during the event: 1 frame before + 7 event frames.
    assertEquals(header(0).timestamp() + 160 * 8, audio.timestamp());
  }

  @Test
  void noDigitWithoutNegotiatedTelephoneEvent() {
    stream.configure(AudioCodec.PCMU, 0, -1, 20);
    assertFalse(stream.startDigit('1', 100));
  }
}
