package org.tawag.media.dtmf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tawag.media.rtp.RtpHeader;

class DtmfReceiverTest {

  private final DtmfReceiver receiver = new DtmfReceiver();

  private static TelephoneEvent ev(int event, boolean end, int duration) {
    return new TelephoneEvent(event, end, 10, duration);
  }

  /** Feeds events and collects the digits reported (0 meaning none). */
  private String feed(long[] timestamps, TelephoneEvent[] events) {
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < events.length; i++) {
      char d = receiver.accept(timestamps[i], events[i]);
      if (d != 0) {
        digits.append(d);
      }
    }
    return digits.toString();
  }

  /**
   * The RTP packets of SIPp's {@code dtmf_2833_1.pcap} (tech notes §3.8): PT 101, event 1, volume
   * 10, M on the first, durations 320..2240 in steps of 320, then three E=1 packets with the final
   * duration repeating the same sequence number 7991.
   */
  private static List<byte[]> sippPcapPackets(long timestamp) {
    List<byte[]> packets = new ArrayList<>();
    int seq = 7985;
    for (int duration = 320; duration <= 2240; duration += 320) {
      packets.add(packet(seq++, duration == 320, timestamp, false, duration));
    }
    for (int i = 0; i < 3; i++) {
      packets.add(packet(7991, false, timestamp, true, 2240));
    }
    return packets;
  }

  private static byte[] packet(int seq, boolean marker, long ts, boolean end, int duration) {
    byte[] pkt = new byte[RtpHeader.LENGTH + 4];
    RtpHeader.write(pkt, 0, 101, marker, seq, ts, 0x5A5A5A5AL);
    new TelephoneEvent(1, end, 10, duration).write(pkt, RtpHeader.LENGTH);
    return pkt;
  }

  @Test
  void sippPcapSequenceYieldsExactlyOneDigit() {
    List<byte[]> packets = sippPcapPackets(0x1234_5678L);
    assertEquals(10, packets.size());
    assertEquals(7991, RtpHeader.parse(packets.get(6), 0, 16).sequence());
    StringBuilder digits = new StringBuilder();
    for (byte[] pkt : packets) {
      RtpHeader h = RtpHeader.parse(pkt, 0, pkt.length);
      TelephoneEvent ev = TelephoneEvent.parse(pkt, h.payloadOffset(), h.payloadLength());
      char d = receiver.accept(h.timestamp(), ev);
      if (d != 0) {
        digits.append(d);
      }
    }
    assertEquals("1", digits.toString());
  }

  @Test
  void reportsOnTheFirstPacketSeen() {
    assertEquals('1', receiver.accept(1000, ev(1, false, 320)));
    assertEquals(0, receiver.accept(1000, ev(1, false, 640)));
  }

  @Test
  void reportsAnEventWhoseOnlySurvivingPacketIsAnEndPacket() {
    assertEquals('#', receiver.accept(1000, ev(11, true, 800)));
    assertEquals(0, receiver.accept(1000, ev(11, true, 800)));
  }

  @Test
  void twoEventsBackToBackYieldTwoDigits() {
    String digits =
        feed(
            new long[] {0, 0, 0, 0, 0, 1440, 1440, 1440, 1440, 1440},
            new TelephoneEvent[] {
              ev(5, false, 160),
              ev(5, false, 320),
              ev(5, true, 800),
              ev(5, true, 800),
              ev(5, true, 800),
              ev(5, false, 160),
              ev(5, false, 320),
              ev(5, true, 800),
              ev(5, true, 800),
              ev(5, true, 800),
            });
    assertEquals("55", digits, "the same key twice is two events: new timestamp");
  }

  @Test
  void differentDigitsInARowAreEachReported() {
    String digits =
        feed(
            new long[] {0, 0, 1440, 1440, 2880},
            new TelephoneEvent[] {
              ev(1, false, 160),
              ev(1, true, 800),
              ev(10, true, 800),
              ev(10, true, 800),
              ev(15, true, 800),
            });
    assertEquals("1*D", digits);
  }

  @Test
  void ignoresLatePacketsOfAnEarlierEvent() {
    assertEquals('2', receiver.accept(8000, ev(2, false, 160)));
    assertEquals('3', receiver.accept(9440, ev(3, false, 160)));
    assertEquals(0, receiver.accept(8000, ev(2, true, 800)), "reordered end of the first event");
  }

  @Test
  void treatsATimestampFarBehindAsANewStream() {
    assertEquals('2', receiver.accept(4_000_000_000L, ev(2, true, 800)));
    assertEquals('3', receiver.accept(12_345, ev(3, false, 160)));
  }

  @Test
  void reportsAcrossTheTimestampWrap() {
    assertEquals('7', receiver.accept(0xFFFF_FF00L, ev(7, true, 800)));
    assertEquals('8', receiver.accept(0x0000_0500L, ev(8, false, 160)));
    assertEquals(0, receiver.accept(0xFFFF_FF00L, ev(7, true, 800)));
  }

  @Test
  void aLongEventsContinuationSegmentIsTheSameKeyPress() {
    // RFC 4733 §2.5.1.3: at 0xFFFF units the event goes on with timestamp + 0xFFFF.
    assertEquals('0', receiver.accept(1000, ev(0, false, 0xFF00)));
    assertEquals(0, receiver.accept(1000, ev(0, false, 0xFFFF)));
    assertEquals(0, receiver.accept(1000 + 0xFFFF, ev(0, false, 160)));
    assertEquals(0, receiver.accept(1000 + 0xFFFF, ev(0, true, 800)));
  }

  @Test
  void ignoresNonDtmfEvents() {
    assertEquals(0, receiver.accept(1000, ev(32, false, 160)));
    assertEquals('9', receiver.accept(3000, ev(9, false, 160)));
  }

  @Test
  void resetForgetsTheLastEvent() {
    assertEquals('4', receiver.accept(1000, ev(4, false, 160)));
    receiver.reset();
    assertEquals('4', receiver.accept(1000, ev(4, false, 160)));
  }

  @Test
  void parsesTheVectorOfTheNotes() {
    // First packet of the pcap: event 1, volume 10, duration 320.
    TelephoneEvent ev = TelephoneEvent.parse(HexFormat.of().parseHex("010a0140"), 0, 4);
    assertEquals('1', receiver.accept(42, ev));
  }
}
