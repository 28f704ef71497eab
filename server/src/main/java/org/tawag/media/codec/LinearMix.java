package org.tawag.media.codec;

import org.tawag.media.AudioCodec;

/**
 * Mixes 20 ms G.711 frames by adding their linear (16-bit) values and clipping the sum to the
 * 16-bit range, then encoding in the target law. Clipping rather than scaling keeps each voice at
 * its own level: two people seldom speak loudly at once, and halving every frame would make a
 * three-way call quieter than a two-way one.
 *
 * <p>Pure and allocation-free: the caller owns the accumulator, so the media loop reuses one per
 * call.
 */
public final class LinearMix {
  private LinearMix() {}

  /** Sets {@code acc[0..160)} to zero: the start of a new mix. */
  public static void clear(int[] acc) {
    java.util.Arrays.fill(acc, 0, AudioCodec.FRAME_SAMPLES, 0);
  }

  /** Adds the linear values of {@code frame} (160 codes of {@code codec}) into {@code acc}. */
  public static void add(int[] acc, AudioCodec codec, byte[] frame) {
    if (codec == AudioCodec.PCMU) {
      for (int i = 0; i < AudioCodec.FRAME_SAMPLES; i++) {
        acc[i] += G711.ulawToLinear(frame[i]);
      }
    } else {
      for (int i = 0; i < AudioCodec.FRAME_SAMPLES; i++) {
        acc[i] += G711.alawToLinear(frame[i]);
      }
    }
  }

  /** Encodes {@code acc}, clipped to {@code [-32768, 32767]}, into {@code out} in {@code codec}. */
  public static void encode(int[] acc, AudioCodec codec, byte[] out) {
    if (codec == AudioCodec.PCMU) {
      for (int i = 0; i < AudioCodec.FRAME_SAMPLES; i++) {
        out[i] = G711.linearToUlaw(clip(acc[i]));
      }
    } else {
      for (int i = 0; i < AudioCodec.FRAME_SAMPLES; i++) {
        out[i] = G711.linearToAlaw(clip(acc[i]));
      }
    }
  }

  /** {@code v} limited to the 16-bit range. */
  public static int clip(int v) {
    return Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
  }
}
