package org.tawag.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tawag.media.rtp.Rtcp.Report;
import org.tawag.media.rtp.Rtcp.ReportBlock;
import org.tawag.media.rtp.Rtcp.SenderInfo;

class RtcpTest {

  private static final ReportBlock BLOCK =
      new ReportBlock(0xCAFEBABEL, 56, 1234, 0x0001_0005L, 80, 0x83AA_7E80L, 0x0001_8000L);

  private static String hex(byte[] buf, int off, int len) {
    return HexFormat.of().formatHex(buf, off, off + len);
  }

  private static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  @Test
  void senderReportRoundTrips() {
    SenderInfo info = new SenderInfo(0xE8FE_6F80_8000_0000L, 0xFFFF_FF00L, 4000, 640_000);
    byte[] out = new byte[200];

    int n = Rtcp.writeReport(out, 5, 0x12345678L, info, BLOCK, "tawag@10.0.0.1");

    assertEquals(28 + 24 + 28, n, "SR with one block + SDES of a 14-byte CNAME");
    assertEquals(new Report(0x12345678L, info, List.of(BLOCK)), Rtcp.parse(out, 5, n));
  }

  @Test
  void receiverReportRoundTrips() {
    byte[] out = new byte[100];
    int n = Rtcp.writeReport(out, 0, 0x0BADF00DL, null, BLOCK, "a");
    assertEquals(8 + 24 + 12, n);
    assertEquals(new Report(0x0BADF00DL, null, List.of(BLOCK)), Rtcp.parse(out, 0, n));
  }

  @Test
  void receiverReportWithoutBlocksRoundTrips() {
    byte[] out = new byte[100];
    int n = Rtcp.writeReport(out, 0, 7, null, null, "abc");
    assertEquals(8 + 16, n);
    assertEquals(new Report(7, null, List.of()), Rtcp.parse(out, 0, n));
  }

  @Test
  void negativeCumulativeLossSurvivesTheRoundTrip() {
    ReportBlock block = new ReportBlock(1, 0, -3, 10, 0, 0, 0);
    byte[] out = new byte[100];
    int n = Rtcp.writeReport(out, 0, 2, null, block, "x");
    assertEquals(block, Rtcp.parse(out, 0, n).blocks().get(0));
  }

  @Test
  void clampsCumulativeLossTo24Bits() {
    byte[] out = new byte[100];
    int n = Rtcp.writeReport(out, 0, 2, null, new ReportBlock(1, 0, 9_000_000, 0, 0, 0, 0), "x");
    assertEquals(0x7FFFFF, Rtcp.parse(out, 0, n).blocks().get(0).cumulativeLost());
    n = Rtcp.writeReport(out, 0, 2, null, new ReportBlock(1, 0, -9_000_000, 0, 0, 0, 0), "x");
    assertEquals(-0x800000, Rtcp.parse(out, 0, n).blocks().get(0).cumulativeLost());
  }

  @Test
  void writesTheWireBytesOfAnRrAndSdes() {
    byte[] out = new byte[64];
    int n = Rtcp.writeReport(out, 0, 0x01020304L, null, null, "ab");
    // RR: V=2 RC=0 PT=201 length=1; SDES: V=2 SC=1 PT=202 length=3; chunk SSRC, CNAME=1 len 2
    // "ab", one null and padding to the word boundary.
    assertEquals(
        "80c90001 01020304 81ca0003 01020304 01026162 00000000".replace(" ", ""), hex(out, 0, n));
  }

  @ParameterizedTest(name = "CNAME of {0} bytes")
  @CsvSource({"0", "1", "2", "3", "4", "5", "255"})
  void padsSdesToAWordWithAtLeastOneNull(int length) {
    byte[] out = new byte[400];
    java.util.Arrays.fill(out, (byte) 0x55);
    String cname = "c".repeat(length);
    int n = Rtcp.writeReport(out, 0, 1, null, null, cname);
    assertEquals(0, n % 4);
    int sdes = 8;
    assertEquals(n - sdes, 4 * ((out[sdes + 2] & 0xFF) << 8 | (out[sdes + 3] & 0xFF)) + 4);
    assertEquals(length, out[sdes + 9] & 0xFF);
    for (int i = sdes + 10 + length; i < n; i++) {
      assertEquals(0, out[i], "padding byte " + i);
    }
    assertTrue(n - (sdes + 10 + length) >= 1, "at least one null octet ends the item list");
    assertNotNull(Rtcp.parse(out, 0, n));
  }

  @Test
  void writesByeAfterAnRrAndSdes() {
    byte[] out = new byte[64];
    int n = Rtcp.writeBye(out, 0, 0x01020304L, "ab");
    assertEquals(
        "80c90001 01020304 81ca0003 01020304 01026162 00000000 81cb0001 01020304".replace(" ", ""),
        hex(out, 0, n));
    assertEquals(new Report(0x01020304L, null, List.of()), Rtcp.parse(out, 0, n));
  }

  @Test
  void parseReturnsTheFirstReportAfterOtherPackets() {
    // A compound starting (against §6.1, but seen in the wild) with an SDES, then an RR.
    byte[] pkt = bytes("81ca0003 01020304 01026162 00000000 80c90001 0a0b0c0d");
    assertEquals(new Report(0x0A0B0C0DL, null, List.of()), Rtcp.parse(pkt, 0, pkt.length));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "'empty', ''",
    "'shorter than a header', 80c900",
    "'version 1', 40c90001 01020304",
    "'length past the end', 80c90002 01020304",
    "'second packet length past the end', 80c90001 01020304 81ca0009 01020304",
    "'trailing bytes after the last packet', 80c90001 01020304 0000",
    "'report count needs more room', 81c90001 01020304",
    "'SR too short for sender info', 80c80001 01020304",
    "'no SR or RR at all', 81cb0001 01020304",
    "'second packet version 0', 80c90001 01020304 01cb0001 01020304",
  })
  void rejectsMalformedCompounds(String why, String packet) {
    byte[] pkt = bytes(packet);
    assertNull(Rtcp.parse(pkt, 0, pkt.length), why);
  }

  @Test
  void convertsUnixTimeToNtp() {
    assertEquals(0x83AA_7E80_0000_0000L, Rtcp.ntpTimestamp(0));
    // 2023-11-14T22:13:20.500Z: 3908988800 s since 1900 and half a second.
    assertEquals(0xE8FE_6F80_8000_0000L, Rtcp.ntpTimestamp(1_700_000_000_500L));
    assertEquals(0xE8FE_6F80_0041_8937L, Rtcp.ntpTimestamp(1_700_000_000_001L));
    assertEquals(0x83AA_7E7F_FFBE_76C8L, Rtcp.ntpTimestamp(-1));
  }

  @Test
  void takesTheMiddle32BitsForLsr() {
    assertEquals(0x6F80_8000L, Rtcp.middle32(0xE8FE_6F80_8000_0000L));
    assertEquals(0x7E80_0000L, Rtcp.middle32(Rtcp.ntpTimestamp(0)));
  }

  @Test
  void convertsDelaysToDlsrUnits() {
    assertEquals(0x0001_0000L, Rtcp.delaySinceLastSenderReport(1000));
    assertEquals(0x0001_8000L, Rtcp.delaySinceLastSenderReport(1500));
    assertEquals(0xFFFF_FFFFL, Rtcp.delaySinceLastSenderReport(Long.MAX_VALUE >> 17));
  }

  @Test
  void rejectsCallerMistakes() {
    byte[] small = new byte[20];
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Rtcp.writeReport(small, 0, 1, null, BLOCK, "cname"));
    assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Rtcp.writeReport(new byte[400], 0, 1, null, null, "c".repeat(256)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Rtcp.writeReport(
                new byte[100], 0, 1, null, new ReportBlock(1, 256, 0, 0, 0, 0, 0), "x"));
    assertThrows(IllegalArgumentException.class, () -> Rtcp.writeBye(small, 0, 1, "cname"));
  }
}
