package org.tawag.media.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tawag.media.AudioCodec;
import org.tawag.testing.ToneDetector;
import org.tawag.testing.ToneGenerator;

class LinearMixTest {
  private static final int N = AudioCodec.FRAME_SAMPLES;

  @ParameterizedTest
  @EnumSource(AudioCodec.class)
  void oneFrameMixedAloneComesBackUnchanged(AudioCodec codec) {
    byte[] tone = ToneGenerator.encodedSine(codec, 1000, 0.5, N);
    int[] acc = new int[N];
    LinearMix.clear(acc);
    LinearMix.add(acc, codec, tone);
    byte[] out = new byte[N];
    LinearMix.encode(acc, codec, out);
    assertEquals(java.util.Arrays.toString(tone), java.util.Arrays.toString(out));
  }

  @ParameterizedTest
  @EnumSource(AudioCodec.class)
  void twoTonesMixedAreBothHeard(AudioCodec codec) {
    int[] acc = new int[N];
    LinearMix.clear(acc);
    LinearMix.add(acc, codec, ToneGenerator.encodedSine(codec, 1000, 0.3, N));
    LinearMix.add(acc, codec, ToneGenerator.encodedSine(codec, 2000, 0.3, N));
    byte[] out = new byte[N];
    LinearMix.encode(acc, codec, out);
    assertTrue(ToneDetector.hasToneInMix(codec, out, 0, N, 1000));
    assertTrue(ToneDetector.hasToneInMix(codec, out, 0, N, 2000));
    assertTrue(!ToneDetector.hasToneInMix(codec, out, 0, N, 400));
  }

  @Test
  void sumsBeyondSixteenBitsClipInsteadOfWrapping() {
    byte[] loud = new byte[N];
    java.util.Arrays.fill(loud, G711.linearToUlaw(30000));
    int[] acc = new int[N];
    LinearMix.clear(acc);
    LinearMix.add(acc, AudioCodec.PCMU, loud);
    LinearMix.add(acc, AudioCodec.PCMU, loud);
    byte[] out = new byte[N];
    LinearMix.encode(acc, AudioCodec.PCMU, out);
    // Wrapping would turn 60000 into a large negative value.
    assertTrue(G711.ulawToLinear(out[0]) > 30000, "clipped high: " + G711.ulawToLinear(out[0]));
    assertEquals(Short.MAX_VALUE, LinearMix.clip(60_000));
    assertEquals(Short.MIN_VALUE, LinearMix.clip(-60_000));
  }

  @Test
  void lawsMixIntoTheTargetLaw() {
    int[] acc = new int[N];
    LinearMix.clear(acc);
    LinearMix.add(acc, AudioCodec.PCMA, ToneGenerator.encodedSine(AudioCodec.PCMA, 1000, 0.3, N));
    LinearMix.add(acc, AudioCodec.PCMU, ToneGenerator.encodedSine(AudioCodec.PCMU, 2000, 0.3, N));
    byte[] out = new byte[N];
    LinearMix.encode(acc, AudioCodec.PCMU, out);
    assertTrue(ToneDetector.hasToneInMix(AudioCodec.PCMU, out, 0, N, 1000));
    assertTrue(ToneDetector.hasToneInMix(AudioCodec.PCMU, out, 0, N, 2000));
  }
}
