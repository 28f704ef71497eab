package org.tawag.testing;

import org.tawag.media.AudioCodec;
import org.tawag.media.codec.G711;

/**
 * Tells whether a block of audio carries a given tone, with the Goertzel algorithm: the power of a
 * single DFT bin, computed in one pass.
 *
 * <p>A tone is present when its bin holds most of the block's energy, clearly more than bins at 0.7
 * and 1.3 times its frequency, and the block is louder than near-silence. Silence, white noise and
 * tones elsewhere fail at least one of these.
 */
public final class ToneDetector {

  /** Share of the block's mean-square energy the tone's bin must hold. */
  static final double MIN_ENERGY_SHARE = 0.5;

  /** Share of the energy one tone of a mix must hold. */
  static final double MIN_MIX_SHARE = 0.2;

  /** How many times the neighbouring bins the tone's bin must exceed. */
  static final double MIN_NEIGHBOUR_RATIO = 10;

  /** Mean-square level under which a block is silence: about -60 dBFS. */
  static final double MIN_POWER = 1000;

  private ToneDetector() {}

  /**
   * The power of {@code hz} in {@code pcm[off..off+n)}, scaled as mean square: a sine of peak
   * {@code A} at exactly {@code hz} gives about {@code A * A / 2}.
   */
  public static double power(short[] pcm, int off, int n, double hz, int sampleRate) {
    if (n <= 0) {
      throw new IllegalArgumentException("block must have samples: " + n);
    }
    double coeff = 2 * Math.cos(2 * Math.PI * hz / sampleRate);
    double s1 = 0;
    double s2 = 0;
    for (int i = 0; i < n; i++) {
      double s0 = pcm[off + i] + coeff * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    double magnitudeSquared = s1 * s1 + s2 * s2 - coeff * s1 * s2;
    return 2 * magnitudeSquared / ((double) n * n);
  }

  /** Whether {@code pcm[off..off+n)} carries a tone at {@code hz}; see the class comment. */
  public static boolean hasTone(short[] pcm, int off, int n, double hz, int sampleRate) {
    double total = meanSquare(pcm, off, n);
    if (total < MIN_POWER) {
      return false;
    }
    double target = power(pcm, off, n, hz, sampleRate);
    double below = power(pcm, off, n, hz * 0.7, sampleRate);
    double above = power(pcm, off, n, hz * 1.3, sampleRate);
    return target >= MIN_ENERGY_SHARE * total
        && target >= MIN_NEIGHBOUR_RATIO * below
        && target >= MIN_NEIGHBOUR_RATIO * above;
  }

  /** Whether G.711 {@code g711[off..off+n)} at 8 kHz carries a tone at {@code hz}. */
  public static boolean hasTone(AudioCodec codec, byte[] g711, int off, int n, double hz) {
    short[] pcm = new short[n];
    G711.decode(codec, g711, off, pcm, 0, n);
    return hasTone(pcm, 0, n, hz, 8000);
  }

  /**
   * Whether G.711 {@code g711[off..off+n)} carries {@code hz} as one of a few mixed tones: the bin
   * needs only {@value #MIN_MIX_SHARE} of the energy (two equal tones hold half each), the other
   * checks as in {@link #hasTone(short[], int, int, double, int)}.
   */
  public static boolean hasToneInMix(AudioCodec codec, byte[] g711, int off, int n, double hz) {
    short[] pcm = new short[n];
    G711.decode(codec, g711, off, pcm, 0, n);
    double total = meanSquare(pcm, 0, n);
    if (total < MIN_POWER) {
      return false;
    }
    double target = power(pcm, 0, n, hz, 8000);
    return target >= MIN_MIX_SHARE * total
        && target >= MIN_NEIGHBOUR_RATIO * power(pcm, 0, n, hz * 0.7, 8000)
        && target >= MIN_NEIGHBOUR_RATIO * power(pcm, 0, n, hz * 1.3, 8000);
  }

  private static double meanSquare(short[] pcm, int off, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += (double) pcm[off + i] * pcm[off + i];
    }
    return sum / n;
  }
}
