package org.tawag.bench;

/**
 * The 20 ms PCMU payload the generator sends: a 1 kHz tone whose first 12 bytes are a marker
 * (magic, call index, frame number) so that the echo of each frame can be matched to its sending
 * time and to its call.
 *
 * <p>Tawag's echo copies PCMU frames byte for byte when both directions use PCMU (it transcodes
 * only between codecs), so the marker survives the loop. Frames without the marker are Tawag's
 * own (silence before the first echo, or fill during an underrun).
 */
final class ToneFrame {
  /** Samples (and bytes) in one 20 ms PCMU frame at 8 kHz. */
  static final int SAMPLES = 160;

  /** Bytes at the start of the payload holding the marker. */
  static final int MARKER_BYTES = 12;

  private static final int MAGIC = 0x54574742; // "TWGB"

  private static final byte[] TONE = tone();

  private ToneFrame() {}

  /** Writes the payload of frame {@code frame} of call {@code call} at {@code offset}. */
  static void write(byte[] packet, int offset, int call, int frame) {
    System.arraycopy(TONE, 0, packet, offset, SAMPLES);
    putInt(packet, offset, MAGIC);
    putInt(packet, offset + 4, call);
    putInt(packet, offset + 8, frame);
  }

  /** Whether the payload at {@code offset} carries a marker. */
  static boolean marked(byte[] packet, int offset, int length) {
    return length >= MARKER_BYTES && getInt(packet, offset) == MAGIC;
  }

  /** The call index of a marked payload. */
  static int call(byte[] packet, int offset) {
    return getInt(packet, offset + 4);
  }

  /** The frame number of a marked payload. */
  static int frame(byte[] packet, int offset) {
    return getInt(packet, offset + 8);
  }

  private static byte[] tone() {
    // 1 kHz at 8 kHz sampling is 8 samples a period, so 160 samples hold exactly 20 periods and
    // consecutive frames join without a phase step.
    byte[] out = new byte[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      double s = Math.sin(2 * Math.PI * 1000 * i / 8000.0);
      out[i] = linearToUlaw((int) Math.round(s * 16000));
    }
    return out;
  }

  /** G.711 µ-law encoding of a 16-bit linear sample (ITU-T G.711 table 2, with the 0x84 bias). */
  static byte linearToUlaw(int sample) {
    int sign = (sample >> 8) & 0x80;
    if (sign != 0) {
      sample = -sample;
    }
    sample = Math.min(sample, 32635) + 0x84;
    int exponent = 7;
    for (int mask = 0x4000; (sample & mask) == 0 && exponent > 0; mask >>= 1) {
      exponent--;
    }
    int mantissa = (sample >> (exponent + 3)) & 0x0F;
    return (byte) ~(sign | (exponent << 4) | mantissa);
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  private static int getInt(byte[] b, int at) {
    return ((b[at] & 0xFF) << 24)
        | ((b[at + 1] & 0xFF) << 16)
        | ((b[at + 2] & 0xFF) << 8)
        | (b[at + 3] & 0xFF);
  }
}
