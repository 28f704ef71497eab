package org.tawag.testing;

import org.tawag.media.AudioCodec;
import org.tawag.media.codec.G711;

/**
 * Generates sine tones as 16-bit PCM or G.711, for feeding media paths in tests.
 *
 * <p>The static methods make one block starting at phase 0; an instance keeps its phase across
 * {@link #next} calls, so consecutive 20 ms frames join without a click.
 */
public final class ToneGenerator {

  private final double phaseStep;
  private final double peak;
  private double phase;

  /**
   * Creates a phase-continuous generator.
   *
   * @param hz the tone frequency
   * @param amplitude the peak as a fraction of full scale, {@code 0..1}
   * @param sampleRate samples per second
   */
  public ToneGenerator(double hz, double amplitude, int sampleRate) {
    if (amplitude < 0 || amplitude > 1) {
      throw new IllegalArgumentException("amplitude must be 0..1: " + amplitude);
    }
    if (sampleRate <= 0 || hz < 0 || hz > sampleRate / 2.0) {
      throw new IllegalArgumentException(hz + " Hz cannot be sampled at " + sampleRate + " Hz");
    }
    this.phaseStep = 2 * Math.PI * hz / sampleRate;
    this.peak = amplitude * Short.MAX_VALUE;
  }

  /** Writes the next {@code n} samples of the tone into {@code out} from {@code off}. */
  public void next(short[] out, int off, int n) {
    for (int i = 0; i < n; i++) {
      out[off + i] = (short) Math.round(peak * Math.sin(phase));
      phase += phaseStep;
      if (phase >= 2 * Math.PI) {
        phase -= 2 * Math.PI;
      }
    }
  }

  /** The next {@code n} samples of the tone encoded in {@code codec}. */
  public byte[] nextEncoded(AudioCodec codec, int n) {
    short[] pcm = new short[n];
    next(pcm, 0, n);
    byte[] out = new byte[n];
    G711.encode(codec, pcm, 0, out, 0, n);
    return out;
  }

  /** {@code samples} samples of a sine starting at phase 0. */
  public static short[] sine(double hz, double amplitude, int samples, int sampleRate) {
    short[] out = new short[samples];
    new ToneGenerator(hz, amplitude, sampleRate).next(out, 0, samples);
    return out;
  }

  /** {@code samples} samples of a sine at 8 kHz starting at phase 0, encoded in {@code codec}. */
  public static byte[] encodedSine(AudioCodec codec, double hz, double amplitude, int samples) {
    return new ToneGenerator(hz, amplitude, 8000).nextEncoded(codec, samples);
  }
}
