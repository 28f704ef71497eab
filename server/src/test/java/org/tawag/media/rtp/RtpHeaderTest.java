package org.tawag.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RtpHeaderTest {

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replace(" ", ""));
  }

  @ParameterizedTest(name = "pt={0} m={1} seq={2} ts={3} ssrc={4}")
  @CsvSource({
    "0, true, 0, 0, 0",
    "8, false, 65535, 4294967295, 4294967295",
    "101, true, 7991, 3735928559, 305419896",
    "127, false, 32768, 2147483648, 2147483648",
  })
  void writeThenParseRoundTrips(int pt, boolean marker, int seq, long ts, long ssrc) {
    byte[] buf = new byte[3 + RtpHeader.LENGTH + 160];
    assertEquals(12, RtpHeader.write(buf, 3, pt, marker, seq, ts, ssrc));

    RtpHeader h = RtpHeader.parse(buf, 3, RtpHeader.LENGTH + 160);

    assertEquals(new RtpHeader(pt, marker, seq, ts, ssrc, 15, 160), h);
  }

  @Test
  void writesTheWireBytesOfRfc3550() {
    byte[] buf = new byte[12];
    RtpHeader.write(buf, 0, 0, true, 0x1234, 0xDEADBEEFL, 0x01020304L);
    assertEquals("80801234deadbeef01020304", HexFormat.of().formatHex(buf));
  }

  @Test
  void parsesAKnownPacket() {
    // V=2, PT 8, seq 1, ts 160, SSRC 0xCAFEBABE, 4 payload bytes.
    byte[] pkt = hex("80 08 0001 000000a0 cafebabe d5d5d5d5");
    assertEquals(
        new RtpHeader(8, false, 1, 160, 0xCAFEBABEL, 12, 4), RtpHeader.parse(pkt, 0, pkt.length));
  }

  @Test
  void skipsCsrcList() {
    // CC=2: two CSRCs before the payload.
    byte[] pkt = hex("82 00 0005 00000000 00000001 11111111 22222222 aabb");
    RtpHeader h = RtpHeader.parse(pkt, 0, pkt.length);
    assertNotNull(h);
    assertEquals(20, h.payloadOffset());
    assertEquals(2, h.payloadLength());
  }

  @Test
  void skipsHeaderExtension() {
    // X=1, profile 0xBEDE, 2 words of extension, then 3 payload bytes.
    byte[] pkt = hex("90 00 0005 00000000 00000001 bede0002 11223344 55667788 aabbcc");
    RtpHeader h = RtpHeader.parse(pkt, 0, pkt.length);
    assertNotNull(h);
    assertEquals(24, h.payloadOffset());
    assertEquals(3, h.payloadLength());
  }

  @Test
  void removesPadding() {
    // P=1, 2 payload bytes then 3 padding bytes, the last one counting them.
    byte[] pkt = hex("a0 00 0005 00000000 00000001 aabb 000003");
    RtpHeader h = RtpHeader.parse(pkt, 0, pkt.length);
    assertNotNull(h);
    assertEquals(12, h.payloadOffset());
    assertEquals(2, h.payloadLength());
  }

  @Test
  void handlesCsrcExtensionAndPaddingTogether() {
    byte[] pkt =
        hex("b1 e5 fffe 00000100 00000002 33333333 abcd0001 99999999 0102030405 0000000004");
    RtpHeader h = RtpHeader.parse(pkt, 0, pkt.length);
    assertEquals(new RtpHeader(0x65, true, 0xFFFE, 256, 2, 24, 6), h);
  }

  @Test
  void parsesAtAnOffsetInsideALargerBuffer() {
    byte[] pkt = hex("ffff 80 00 0001 00000000 00000001 aabb ffff");
    RtpHeader h = RtpHeader.parse(pkt, 2, 14);
    assertNotNull(h);
    assertEquals(14, h.payloadOffset());
    assertEquals(2, h.payloadLength());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "'shorter than 12 bytes', 80 00 0001 00000000 000000",
    "'version 1', 40 00 0001 00000000 00000001 aabb",
    "'version 0', 00 00 0001 00000000 00000001 aabb",
    "'CSRC list past the end', 83 00 0001 00000000 00000001 11111111 22222222",
    "'extension header past the end', 90 00 0001 00000000 00000001 bede",
    "'extension body past the end', 90 00 0001 00000000 00000001 bede0002 11223344",
    "'padding count zero', a0 00 0001 00000000 00000001 aabb00",
    "'padding count larger than the payload', a0 00 0001 00000000 00000001 aabb04",
    "'padding with no payload room', a0 00 0001 00000000 00000001",
  })
  void rejectsMalformedPackets(String why, String packet) {
    byte[] pkt = hex(packet);
    assertNull(RtpHeader.parse(pkt, 0, pkt.length), why);
  }

  @Test
  void acceptsPaddingThatFillsTheWholePayload() {
    byte[] pkt = hex("a0 00 0001 00000000 00000001 000003");
    RtpHeader h = RtpHeader.parse(pkt, 0, pkt.length);
    assertNotNull(h);
    assertEquals(0, h.payloadLength());
  }

  @Test
  void rejectsACallerRangeOutsideTheArray() {
    byte[] pkt = new byte[12];
    assertThrows(IllegalArgumentException.class, () -> RtpHeader.parse(pkt, 4, 12));
    assertThrows(IllegalArgumentException.class, () -> RtpHeader.write(pkt, 1, 0, false, 0, 0, 0));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"-1, 0", "128, 0", "0, -1", "0, 65536"})
  void writeRejectsOutOfRangeFields(int pt, int seq) {
    byte[] buf = new byte[12];
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> RtpHeader.write(buf, 0, pt, false, seq, 0, 0));
    assertTrue(e.getMessage().contains(pt < 0 || pt > 127 ? "" + pt : "" + seq), e.getMessage());
  }

  @ParameterizedTest(name = "second octet {0}")
  @CsvSource({
    "200, true",
    "201, true",
    "202, true",
    "203, true",
    "204, true",
    "199, false",
    "205, false",
    "0, false",
    "128, false",
    "136, false"
  })
  void tellsRtcpFromRtpBySecondOctet(int secondOctet, boolean rtcp) {
    byte[] pkt = new byte[12];
    pkt[0] = (byte) 0x81;
    pkt[1] = (byte) secondOctet;
    assertEquals(rtcp, RtpHeader.isRtcp(pkt, 0, pkt.length));
  }

  @Test
  void isNotRtcpWhenTooShortOrWrongVersion() {
    assertFalse(RtpHeader.isRtcp(new byte[] {(byte) 0x80}, 0, 1));
    assertFalse(RtpHeader.isRtcp(new byte[] {(byte) 0x40, (byte) 201, 0, 1}, 0, 4));
  }
}
