package org.tawag.media.rtp;

/**
 * The fixed header of an RTP data packet (RFC 3550 §5.1), and where its payload sits in the
 * datagram.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           timestamp                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           synchronization source (SSRC) identifier            |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |            contributing source (CSRC) identifiers             |
 * |                             ....                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>A header extension (X, §5.3.1: 16-bit profile word, 16-bit length in 32-bit words) follows the
 * CSRC list and is skipped; padding (P, §5.1: the last octet counts the padding octets, itself
 * included) is excluded from {@link #payloadLength()}.
 *
 * @param payloadType the 7-bit payload type
 * @param marker the M bit (start of a talkspurt for audio, RFC 3551 §4.1)
 * @param sequence the 16-bit sequence number, {@code 0..65535}
 * @param timestamp the 32-bit RTP timestamp, {@code 0..2^32-1}
 * @param ssrc the 32-bit synchronization source, {@code 0..2^32-1}
 * @param payloadOffset where the payload starts, as an absolute index into the parsed array
 * @param payloadLength the payload's length in bytes, padding excluded
 */
public record RtpHeader(
    int payloadType,
    boolean marker,
    int sequence,
    long timestamp,
    long ssrc,
    int payloadOffset,
    int payloadLength) {

  /** Length of the fixed header with no CSRC and no extension. */
  public static final int LENGTH = 12;

  private static final int VERSION = 2;

  /**
   * Parses the RTP header at {@code buf[off..off+len)}.
   *
   * @return the header, or null when the bytes are not a well-formed RTP packet: shorter than 12
   *     bytes, version other than 2, a CSRC list or extension running past the end, or a padding
   *     count of 0 or larger than what follows the header
   * @throws IllegalArgumentException when {@code off}/{@code len} do not fit {@code buf}
   */
  public static RtpHeader parse(byte[] buf, int off, int len) {
    checkRange(buf, off, len);
    if (len < LENGTH) {
      return null;
    }
    int b0 = buf[off] & 0xFF;
    if (b0 >>> 6 != VERSION) {
      return null;
    }
    boolean padding = (b0 & 0x20) != 0;
    boolean extension = (b0 & 0x10) != 0;
    int csrcCount = b0 & 0x0F;
    int headerLength = LENGTH + 4 * csrcCount;
    if (extension) {
      if (headerLength + 4 > len) {
        return null;
      }
      int words = readUint16(buf, off + headerLength + 2);
      headerLength += 4 + 4 * words;
    }
    if (headerLength > len) {
      return null;
    }
    int payloadLength = len - headerLength;
    if (padding) {
      int count = buf[off + len - 1] & 0xFF;
      if (count == 0 || count > payloadLength) {
        return null;
      }
      payloadLength -= count;
    }
    int b1 = buf[off + 1] & 0xFF;
    return new RtpHeader(
        b1 & 0x7F,
        (b1 & 0x80) != 0,
        readUint16(buf, off + 2),
        readUint32(buf, off + 4),
        readUint32(buf, off + 8),
        off + headerLength,
        payloadLength);
  }

  /**
   * Writes a 12-byte header (V=2, no padding, no extension, no CSRC) at {@code buf[off]}.
   *
   * @return {@link #LENGTH}
   * @throws IllegalArgumentException when a field is out of its range or the header does not fit
   */
  public static int write(
      byte[] buf,
      int off,
      int payloadType,
      boolean marker,
      int sequence,
      long timestamp,
      long ssrc) {
    checkRange(buf, off, LENGTH);
    if (payloadType < 0 || payloadType > 127) {
      throw new IllegalArgumentException("payload type must be 0..127: " + payloadType);
    }
    if (sequence < 0 || sequence > 0xFFFF) {
      throw new IllegalArgumentException("sequence must be 0..65535: " + sequence);
    }
    buf[off] = (byte) (VERSION << 6);
    buf[off + 1] = (byte) ((marker ? 0x80 : 0) | payloadType);
    buf[off + 2] = (byte) (sequence >>> 8);
    buf[off + 3] = (byte) sequence;
    writeUint32(buf, off + 4, timestamp);
    writeUint32(buf, off + 8, ssrc);
    return LENGTH;
  }

  /**
   * Whether the datagram is RTCP rather than RTP, by its second octet (RFC 5761 §4): SR, RR, SDES,
   * BYE and APP have packet types 200..204, which as an RTP M bit + payload type would be the
   * payload types 72..76 that no one may use for RTP.
   */
  public static boolean isRtcp(byte[] buf, int off, int len) {
    checkRange(buf, off, len);
    if (len < 2 || (buf[off] & 0xFF) >>> 6 != VERSION) {
      return false;
    }
    int packetType = buf[off + 1] & 0xFF;
    return packetType >= 200 && packetType <= 204;
  }

  static int readUint16(byte[] buf, int at) {
    return ((buf[at] & 0xFF) << 8) | (buf[at + 1] & 0xFF);
  }

  static long readUint32(byte[] buf, int at) {
    return ((long) (buf[at] & 0xFF) << 24)
        | ((buf[at + 1] & 0xFF) << 16)
        | ((buf[at + 2] & 0xFF) << 8)
        | (buf[at + 3] & 0xFF);
  }

  static void writeUint32(byte[] buf, int at, long value) {
    buf[at] = (byte) (value >>> 24);
    buf[at + 1] = (byte) (value >>> 16);
    buf[at + 2] = (byte) (value >>> 8);
    buf[at + 3] = (byte) value;
  }

  static void checkRange(byte[] buf, int off, int len) {
    if (off < 0 || len < 0 || off > buf.length - len) {
      throw new IllegalArgumentException(
          "range [" + off + ", " + off + "+" + len + ") outside array of " + buf.length);
    }
  }
}
