package org.tawag.media.rtp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * RTCP compound packets (RFC 3550 §6): writes the SR or RR + SDES CNAME that a leg sends every
 * reporting interval and the RR + SDES + BYE it sends when it closes, and reads the report a peer
 * sends.
 *
 * <pre>
 * SR (PT=200) / RR (PT=201), RFC 3550 §6.4.1 / §6.4.2:
 * |V=2|P|    RC   |   PT=SR=200   |             length            |
 * |                         SSRC of sender                        |
 * |              NTP timestamp, most significant word             |  SR only
 * |             NTP timestamp, least significant word             |  SR only
 * |                         RTP timestamp                         |  SR only
 * |                     sender's packet count                     |  SR only
 * |                      sender's octet count                     |  SR only
 * |                 SSRC_1 (SSRC of first source)                 |  report block,
 * | fraction lost |       cumulative number of packets lost       |  RC times
 * |           extended highest sequence number received           |
 * |                      interarrival jitter                      |
 * |                         last SR (LSR)                         |
 * |                   delay since last SR (DLSR)                  |
 * </pre>
 *
 * <p>The length field of every packet counts 32-bit words minus one.
 */
public final class Rtcp {

  /** Packet type of a sender report. */
  public static final int SR = 200;

  /** Packet type of a receiver report. */
  public static final int RR = 201;

  /** Packet type of source description items. */
  public static final int SDES = 202;

  /** Packet type of a goodbye. */
  public static final int BYE = 203;

  /** SDES item type of the canonical name, required in every compound packet (§6.5.1). */
  private static final int CNAME = 1;

  /** Seconds from the NTP epoch (1900-01-01) to the Unix epoch (1970-01-01). */
  private static final long NTP_UNIX_OFFSET_SECONDS = 2_208_988_800L;

  private static final int HEADER = 4;
  private static final int SENDER_INFO = 20;
  private static final int REPORT_BLOCK = 24;

  /**
   * The sender information of an SR (§6.4.1).
   *
   * @param ntpTimestamp the 64-bit NTP wallclock time the report was sent, see {@link
   *     #ntpTimestamp(long)}
   * @param rtpTimestamp the same instant on the RTP clock of the sent stream
   * @param packetCount RTP packets sent since the stream started (32 bits, wraps)
   * @param octetCount payload octets sent since the stream started (32 bits, wraps)
   */
  public record SenderInfo(
      long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount) {}

  /**
   * One report block of an SR or RR (§6.4.1).
   *
   * @param ssrc the source the block reports on
   * @param fractionLost packets lost since the previous report, in 1/256 units, {@code 0..255}
   * @param cumulativeLost packets lost since reception started, 24-bit signed
   * @param extendedHighestSequence cycles in the upper 16 bits, highest sequence in the lower
   * @param jitter interarrival jitter in RTP timestamp units (A.8)
   * @param lastSenderReport the middle 32 bits of the NTP timestamp of the last SR received, or 0
   * @param delaySinceLastSenderReport the delay since that SR was received, in 1/65536 seconds
   */
  public record ReportBlock(
      long ssrc,
      int fractionLost,
      int cumulativeLost,
      long extendedHighestSequence,
      long jitter,
      long lastSenderReport,
      long delaySinceLastSenderReport) {}

  /**
   * A sender or receiver report.
   *
   * @param senderSsrc the SSRC of the reporting party
   * @param senderInfo the sender information of an SR; null for an RR
   * @param blocks the report blocks, possibly none
   */
  public record Report(long senderSsrc, SenderInfo senderInfo, List<ReportBlock> blocks) {
    public Report {
      blocks = List.copyOf(blocks);
    }
  }

  private Rtcp() {}

  /**
   * Writes an SR (when {@code senderInfo} is given) or an RR, followed by an SDES packet with the
   * CNAME: the minimal compound packet of §6.1.
   *
   * @param senderInfo the sender information, or null to write an RR
   * @param block the one report block, or null for none (nothing received yet)
   * @param cname the canonical name, at most 255 bytes of UTF-8
   * @return the number of bytes written
   * @throws IllegalArgumentException when the packet does not fit in {@code out}, the CNAME is too
   *     long or the fraction lost is outside {@code 0..255}
   */
  public static int writeReport(
      byte[] out, int off, long ssrc, SenderInfo senderInfo, ReportBlock block, String cname) {
    byte[] name = cnameBytes(cname);
    int reportLength =
        (senderInfo == null ? HEADER + 4 : HEADER + 4 + SENDER_INFO)
            + (block == null ? 0 : REPORT_BLOCK);
    checkFits(out, off, reportLength + sdesLength(name));
    int pos =
        writeHeader(out, off, block == null ? 0 : 1, senderInfo == null ? RR : SR, reportLength);
    RtpHeader.writeUint32(out, pos, ssrc);
    pos += 4;
    if (senderInfo != null) {
      RtpHeader.writeUint32(out, pos, senderInfo.ntpTimestamp() >>> 32);
      RtpHeader.writeUint32(out, pos + 4, senderInfo.ntpTimestamp());
      RtpHeader.writeUint32(out, pos + 8, senderInfo.rtpTimestamp());
      RtpHeader.writeUint32(out, pos + 12, senderInfo.packetCount());
      RtpHeader.writeUint32(out, pos + 16, senderInfo.octetCount());
      pos += SENDER_INFO;
    }
    if (block != null) {
      pos = writeBlock(out, pos, block);
    }
    pos = writeSdes(out, pos, ssrc, name);
    return pos - off;
  }

  /**
   * Writes the compound packet a leg sends when it leaves (§6.6): an RR with no blocks, the SDES
   * CNAME, and a BYE for {@code ssrc} with no reason.
   *
   * @return the number of bytes written
   * @throws IllegalArgumentException when the packet does not fit or the CNAME is too long
   */
  public static int writeBye(byte[] out, int off, long ssrc, String cname) {
    byte[] name = cnameBytes(cname);
    int rrLength = HEADER + 4;
    int byeLength = HEADER + 4;
    checkFits(out, off, rrLength + sdesLength(name) + byeLength);
    int pos = writeHeader(out, off, 0, RR, rrLength);
    RtpHeader.writeUint32(out, pos, ssrc);
    pos = writeSdes(out, pos + 4, ssrc, name);
    pos = writeHeader(out, pos, 1, BYE, byeLength);
    RtpHeader.writeUint32(out, pos, ssrc);
    return pos + 4 - off;
  }

  /**
   * Reads the first SR or RR of a compound packet.
   *
   * @return the report, or null when there is none or the packet is malformed: a version other than
   *     2, a length field running past the end or not ending exactly at it, or a report count
   *     needing more room than the packet has
   * @throws IllegalArgumentException when {@code off}/{@code len} do not fit {@code buf}
   */
  public static Report parse(byte[] buf, int off, int len) {
    RtpHeader.checkRange(buf, off, len);
    int end = off + len;
    int pos = off;
    Report first = null;
    while (pos < end) {
      if (end - pos < HEADER || (buf[pos] & 0xFF) >>> 6 != 2) {
        return null;
      }
      int count = buf[pos] & 0x1F;
      int type = buf[pos + 1] & 0xFF;
      int length = 4 * (RtpHeader.readUint16(buf, pos + 2) + 1);
      if (length > end - pos) {
        return null;
      }
      if (first == null && (type == SR || type == RR)) {
        first = parseReport(buf, pos, length, count, type == SR);
        if (first == null) {
          return null;
        }
      }
      pos += length;
    }
    return first;
  }

  /**
   * The 64-bit NTP timestamp (§4): seconds since 1900 in the upper half, a 2^-32 fraction below.
   */
  public static long ntpTimestamp(long unixMillis) {
    long seconds = Math.floorDiv(unixMillis, 1000) + NTP_UNIX_OFFSET_SECONDS;
    long fraction = (Math.floorMod(unixMillis, 1000L) << 32) / 1000;
    return (seconds << 32) | fraction;
  }

  /** The middle 32 bits of an NTP timestamp, as the LSR field of a report block carries it. */
  public static long middle32(long ntp) {
    return (ntp >>> 16) & 0xFFFFFFFFL;
  }

  /** A delay in the DLSR unit of 1/65536 seconds (§6.4.1), saturating at 32 bits. */
  public static long delaySinceLastSenderReport(long delayMillis) {
    if (delayMillis < 0) {
      throw new IllegalArgumentException("delay must not be negative: " + delayMillis);
    }
    return Math.min(0xFFFFFFFFL, (delayMillis << 16) / 1000);
  }

  private static Report parseReport(byte[] buf, int pos, int length, int count, boolean sr) {
    int fixed = HEADER + 4 + (sr ? SENDER_INFO : 0);
    if (fixed + count * REPORT_BLOCK > length) {
      return null;
    }
    long senderSsrc = RtpHeader.readUint32(buf, pos + 4);
    SenderInfo info = null;
    if (sr) {
      int at = pos + 8;
      info =
          new SenderInfo(
              (RtpHeader.readUint32(buf, at) << 32) | RtpHeader.readUint32(buf, at + 4),
              RtpHeader.readUint32(buf, at + 8),
              RtpHeader.readUint32(buf, at + 12),
              RtpHeader.readUint32(buf, at + 16));
    }
    List<ReportBlock> blocks = new ArrayList<>(count);
    for (int i = 0, at = pos + fixed; i < count; i++, at += REPORT_BLOCK) {
      long lost = RtpHeader.readUint32(buf, at + 4);
      blocks.add(
          new ReportBlock(
              RtpHeader.readUint32(buf, at),
              (int) (lost >>> 24),
              ((int) lost << 8) >> 8, // sign-extend the 24-bit count
              RtpHeader.readUint32(buf, at + 8),
              RtpHeader.readUint32(buf, at + 12),
              RtpHeader.readUint32(buf, at + 16),
              RtpHeader.readUint32(buf, at + 20)));
    }
    return new Report(senderSsrc, info, blocks);
  }

  private static int writeBlock(byte[] out, int pos, ReportBlock block) {
    if (block.fractionLost() < 0 || block.fractionLost() > 255) {
      throw new IllegalArgumentException("fraction lost must be 0..255: " + block.fractionLost());
    }
    // §6.4.1: the cumulative count saturates at the 24-bit signed limits.
    int lost = Math.max(-0x800000, Math.min(0x7FFFFF, block.cumulativeLost()));
    RtpHeader.writeUint32(out, pos, block.ssrc());
    RtpHeader.writeUint32(out, pos + 4, ((long) block.fractionLost() << 24) | (lost & 0xFFFFFFL));
    RtpHeader.writeUint32(out, pos + 8, block.extendedHighestSequence());
    RtpHeader.writeUint32(out, pos + 12, block.jitter());
    RtpHeader.writeUint32(out, pos + 16, block.lastSenderReport());
    RtpHeader.writeUint32(out, pos + 20, block.delaySinceLastSenderReport());
    return pos + REPORT_BLOCK;
  }

  /** SDES with one chunk: SSRC, CNAME item, then at least one null octet up to a word boundary. */
  private static int writeSdes(byte[] out, int pos, long ssrc, byte[] name) {
    int length = sdesLength(name);
    int start = writeHeader(out, pos, 1, SDES, length);
    RtpHeader.writeUint32(out, start, ssrc);
    out[start + 4] = CNAME;
    out[start + 5] = (byte) name.length;
    System.arraycopy(name, 0, out, start + 6, name.length);
    for (int i = start + 6 + name.length; i < pos + length; i++) {
      out[i] = 0;
    }
    return pos + length;
  }

  private static int sdesLength(byte[] name) {
    int items = 2 + name.length + 1; // type, length, text, end-of-list null
    return HEADER + 4 + (items + 3) / 4 * 4;
  }

  private static int writeHeader(byte[] out, int pos, int count, int type, int length) {
    out[pos] = (byte) (0x80 | count);
    out[pos + 1] = (byte) type;
    int words = length / 4 - 1;
    out[pos + 2] = (byte) (words >>> 8);
    out[pos + 3] = (byte) words;
    return pos + HEADER;
  }

  private static byte[] cnameBytes(String cname) {
    byte[] name = Objects.requireNonNull(cname, "cname").getBytes(StandardCharsets.UTF_8);
    if (name.length > 255) {
      throw new IllegalArgumentException("CNAME longer than 255 bytes: " + cname);
    }
    return name;
  }

  private static void checkFits(byte[] out, int off, int length) {
    if (off < 0 || off > out.length - length) {
      throw new IllegalArgumentException(
          "RTCP packet of " + length + " bytes does not fit at " + off + " in " + out.length);
    }
  }
}
