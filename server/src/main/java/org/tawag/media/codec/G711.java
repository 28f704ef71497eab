package org.tawag.media.codec;

import java.util.Objects;
import org.tawag.media.AudioCodec;

/**
 * The G.711 µ-law and A-law codecs (ITU-T G.711), bit-exact with the Sun/ITU G.191 reference
 * functions that CPython's {@code audioop}, pjproject and Asterisk use.
 *
 * <p>All conversions are table lookups: the tables are computed once at class initialisation from
 * the reference functions below, so the per-sample cost on the media path is one array read.
 */
public final class G711 {

  /** 16-bit sample to µ-law code, indexed by {@code sample & 0xFFFF}. */
  private static final byte[] LINEAR_TO_ULAW = new byte[65536];

  /** 16-bit sample to A-law code, indexed by {@code sample & 0xFFFF}. */
  private static final byte[] LINEAR_TO_ALAW = new byte[65536];

  private static final short[] ULAW_TO_LINEAR = new short[256];
  private static final short[] ALAW_TO_LINEAR = new short[256];
  private static final byte[] ULAW_TO_ALAW = new byte[256];
  private static final byte[] ALAW_TO_ULAW = new byte[256];

  /** Upper bound of each A-law segment (Sun g711.c {@code seg_aend}); declared before use. */
  private static final int[] ALAW_SEGMENT_END = {
    0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF
  };

  static {
    for (int code = 0; code < 256; code++) {
      ULAW_TO_LINEAR[code] = (short) referenceUlawToLinear(code);
      ALAW_TO_LINEAR[code] = (short) referenceAlawToLinear(code);
    }
    for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
      LINEAR_TO_ULAW[sample & 0xFFFF] = referenceLinearToUlaw(sample);
      LINEAR_TO_ALAW[sample & 0xFFFF] = referenceLinearToAlaw(sample);
    }
    // Transcoding goes through the linear value: exact to the target law's quantisation.
    for (int code = 0; code < 256; code++) {
      ULAW_TO_ALAW[code] = LINEAR_TO_ALAW[ULAW_TO_LINEAR[code] & 0xFFFF];
      ALAW_TO_ULAW[code] = LINEAR_TO_ULAW[ALAW_TO_LINEAR[code] & 0xFFFF];
    }
  }

  private G711() {}

  /** Encodes one 16-bit sample to µ-law; values outside the 16-bit range are clipped. */
  public static byte linearToUlaw(int pcm) {
    return LINEAR_TO_ULAW[clip(pcm) & 0xFFFF];
  }

  /** Decodes one µ-law code ({@code 0..255} or a byte value; only the low 8 bits count). */
  public static int ulawToLinear(int code) {
    return ULAW_TO_LINEAR[code & 0xFF];
  }

  /** Encodes one 16-bit sample to A-law; values outside the 16-bit range are clipped. */
  public static byte linearToAlaw(int pcm) {
    return LINEAR_TO_ALAW[clip(pcm) & 0xFFFF];
  }

  /** Decodes one A-law code ({@code 0..255} or a byte value; only the low 8 bits count). */
  public static int alawToLinear(int code) {
    return ALAW_TO_LINEAR[code & 0xFF];
  }

  /**
   * Encodes {@code n} samples of {@code pcm} from {@code pcmOff} into {@code out} at {@code
   * outOff}.
   */
  public static void encode(
      AudioCodec codec, short[] pcm, int pcmOff, byte[] out, int outOff, int n) {
    Objects.requireNonNull(codec, "codec");
    byte[] table = codec == AudioCodec.PCMU ? LINEAR_TO_ULAW : LINEAR_TO_ALAW;
    checkRange("pcm", pcm.length, pcmOff, n);
    checkRange("out", out.length, outOff, n);
    for (int i = 0; i < n; i++) {
      out[outOff + i] = table[pcm[pcmOff + i] & 0xFFFF];
    }
  }

  /**
   * Decodes {@code n} codes of {@code in} from {@code inOff} into {@code out} at {@code outOff}.
   */
  public static void decode(
      AudioCodec codec, byte[] in, int inOff, short[] out, int outOff, int n) {
    Objects.requireNonNull(codec, "codec");
    short[] table = codec == AudioCodec.PCMU ? ULAW_TO_LINEAR : ALAW_TO_LINEAR;
    checkRange("in", in.length, inOff, n);
    checkRange("out", out.length, outOff, n);
    for (int i = 0; i < n; i++) {
      out[outOff + i] = table[in[inOff + i] & 0xFF];
    }
  }

  /**
   * Converts one code from one law to the other without a trip through caller code: the result is
   * what encoding the decoded value in {@code to} gives. Returns {@code code} itself when both
   * codecs are the same.
   */
  public static byte transcode(AudioCodec from, AudioCodec to, byte code) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from == to) {
      return code;
    }
    return from == AudioCodec.PCMU ? ULAW_TO_ALAW[code & 0xFF] : ALAW_TO_ULAW[code & 0xFF];
  }

  private static int clip(int pcm) {
    return Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, pcm));
  }

  private static void checkRange(String name, int length, int off, int n) {
    if (off < 0 || n < 0 || off > length - n) {
      throw new IllegalArgumentException(
          name + " range [" + off + ", " + off + "+" + n + ") outside array of " + length);
    }
  }

  // The four reference functions below fill the tables; they follow Sun's g711.c (the ITU-T G.191
  // software tools), as copied by pjproject pjmedia/src/pjmedia/g711.c and Asterisk main/ulaw.c,
  // main/alaw.c. The µ-law encoder is the 14-bit variant (sample >> 2), not the popular 16-bit
  // "BIAS 0x84, CLIP 32635" one, which differs by one code on 381 negative inputs.

  static int referenceUlawToLinear(int code) {
    int u = ~code & 0xFF;
    int t = ((u & 0x0F) << 3) + 0x84;
    t <<= (u & 0x70) >> 4;
    return (u & 0x80) != 0 ? 0x84 - t : t - 0x84;
  }

  static int referenceAlawToLinear(int code) {
    int a = (code & 0xFF) ^ 0x55;
    int t = (a & 0x0F) << 4;
    int seg = (a & 0x70) >> 4;
    if (seg == 0) {
      t += 8;
    } else if (seg == 1) {
      t += 0x108;
    } else {
      t += 0x108;
      t <<= seg - 1;
    }
    return (a & 0x80) != 0 ? t : -t;
  }

  static byte referenceLinearToUlaw(int sample) {
    int pcm = sample >> 2;
    int mask;
    if (pcm < 0) {
      pcm = -pcm;
      mask = 0x7F;
    } else {
      mask = 0xFF;
    }
    if (pcm > 8159) {
      pcm = 8159;
    }
    pcm += 33; // BIAS 0x84 >> 2
    int seg = 0;
    for (int v = pcm >> 6; v != 0; v >>= 1) {
      seg++;
    }
    if (seg >= 8) {
      return (byte) (0x7F ^ mask);
    }
    return (byte) (((seg << 4) | ((pcm >> (seg + 1)) & 0x0F)) ^ mask);
  }

  static byte referenceLinearToAlaw(int sample) {
    int pcm = sample >> 3;
    int mask;
    if (pcm >= 0) {
      mask = 0xD5;
    } else {
      mask = 0x55;
      pcm = -pcm - 1;
    }
    int seg = 0;
    while (seg < 8 && pcm > ALAW_SEGMENT_END[seg]) {
      seg++;
    }
    if (seg >= 8) {
      return (byte) (0x7F ^ mask);
    }
    int aval = seg << 4;
    aval |= seg < 2 ? (pcm >> 1) & 0x0F : (pcm >> seg) & 0x0F;
    return (byte) (aval ^ mask);
  }
}
