package org.tawag.media.dtmf;

/**
 * The payload of an RFC 4733 telephone-event packet (§2.3): a DTMF digit or flash, whether it has
 * ended, its volume and how long it has lasted so far.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     event     |E|R| volume    |          duration             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param event the event code, {@code 0..255}; 0-9 digits, 10 '*', 11 '#', 12-15 A-D, 16 flash (RFC
 *     4733 §3.2)
 * @param end the E bit: this is (a retransmission of) the event's final packet
 * @param volume the power level as a positive number of -dBm0, {@code 0..63}
 * @param duration the duration so far in RTP timestamp units, {@code 0..65535}
 */
public record TelephoneEvent(int event, boolean end, int volume, int duration) {

  /** Length of the payload in bytes. */
  public static final int LENGTH = 4;

  /** The highest event code that is a DTMF digit or flash. */
  private static final int FLASH = 16;

  private static final String DIGITS = "0123456789*#ABCD!";

  public TelephoneEvent {
    if (event < 0 || event > 255) {
      throw new IllegalArgumentException("event must be 0..255: " + event);
    }
    if (volume < 0 || volume > 63) {
      throw new IllegalArgumentException("volume must be 0..63: " + volume);
    }
    if (duration < 0 || duration > 0xFFFF) {
      throw new IllegalArgumentException("duration must be 0..65535: " + duration);
    }
  }

  /**
   * Reads the payload at {@code buf[off..off+len)}; bytes after the first four (a redundant or
   * padded payload) are ignored.
   *
   * @return the event, or null when fewer than 4 bytes are given
   */
  public static TelephoneEvent parse(byte[] buf, int off, int len) {
    if (off < 0 || len < 0 || off > buf.length - len) {
      throw new IllegalArgumentException(
          "range [" + off + ", " + off + "+" + len + ") outside array of " + buf.length);
    }
    if (len < LENGTH) {
      return null;
    }
    int flags = buf[off + 1] & 0xFF;
    return new TelephoneEvent(
        buf[off] & 0xFF,
        (flags & 0x80) != 0,
        flags & 0x3F,
        ((buf[off + 2] & 0xFF) << 8) | (buf[off + 3] & 0xFF));
  }

  /** Writes the payload at {@code buf[off]}; the R bit is written as 0. Returns {@link #LENGTH}. */
  public int write(byte[] buf, int off) {
    return write(buf, off, event, end, volume, duration);
  }

  /** Writes a payload without building an instance, for the sender's 20 ms path. */
  static int write(byte[] buf, int off, int event, boolean end, int volume, int duration) {
    if (off < 0 || off > buf.length - LENGTH) {
      throw new IllegalArgumentException(
          "telephone-event payload does not fit at " + off + " in " + buf.length);
    }
    buf[off] = (byte) event;
    buf[off + 1] = (byte) ((end ? 0x80 : 0) | volume);
    buf[off + 2] = (byte) (duration >>> 8);
    buf[off + 3] = (byte) duration;
    return LENGTH;
  }

  /** Whether {@code event} is a DTMF digit or flash, the events {@link #digitOf} names. */
  public static boolean isDigit(int event) {
    return event >= 0 && event <= FLASH;
  }

  /**
   * The key of a DTMF event: '0'-'9', '*' (10), '#' (11), 'A'-'D' (12-15), '!' for flash (16).
   *
   * @throws IllegalArgumentException for any other event code
   */
  public static char digitOf(int event) {
    if (!isDigit(event)) {
      throw new IllegalArgumentException("not a DTMF event: " + event);
    }
    return DIGITS.charAt(event);
  }

  /**
   * The event code of a key: '0'-'9', '*', '#', 'A'-'D' (either case) and '!' for flash.
   *
   * @throws IllegalArgumentException naming the character for any other
   */
  public static int eventOf(char digit) {
    int event = DIGITS.indexOf(Character.toUpperCase(digit));
    if (event < 0) {
      throw new IllegalArgumentException("not a DTMF digit: '" + digit + "'");
    }
    return event;
  }
}
