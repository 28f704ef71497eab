package org.tawag.media.rtp;

/**
 * Arithmetic on 16-bit RTP sequence numbers, which wrap from 65535 to 0 (RFC 3550 §5.1).
 *
 * <p>Comparisons use serial-number arithmetic (as RFC 1982 does): {@code b} is after {@code a} when
 * it is less than half the number space ahead of it.
 */
public final class SequenceNumbers {

  private SequenceNumbers() {}

  /** The sequence number after {@code seq}: {@code seq + 1}, 65535 wrapping to 0. */
  public static int next(int seq) {
    return (seq + 1) & 0xFFFF;
  }

  /**
   * The signed distance from {@code a} to {@code b}, {@code b - a} taken modulo 2^16 into {@code
   * -32768..32767}: {@code delta(65535, 0) == 1}, {@code delta(0, 65535) == -1}.
   */
  public static int delta(int a, int b) {
    return (short) (b - a);
  }

  /** Whether {@code a} comes after {@code b}: {@code delta(b, a)} is in {@code 1..32767}. */
  public static boolean isNewer(int a, int b) {
    return delta(b, a) > 0;
  }
}
