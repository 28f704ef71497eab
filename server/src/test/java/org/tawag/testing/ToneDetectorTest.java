package org.tawag.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tawag.media.AudioCodec;

class ToneDetectorTest {

  @Test
  void powerOfASineAtItsFrequencyIsItsMeanSquare() {
    short[] pcm = ToneGenerator.sine(1000, 0.5, 160, 8000);
    double peak = 0.5 * Short.MAX_VALUE;
    assertEquals(peak * peak / 2, ToneDetector.power(pcm, 0, 160, 1000, 8000), peak * peak / 100);
    assertTrue(ToneDetector.power(pcm, 0, 160, 2000, 8000) < peak * peak / 1000);
  }

  @ParameterizedTest(name = "{0} Hz")
  @ValueSource(ints = {440, 1000, 1500, 3000})
  void detectsAToneAtItsFrequency(int hz) {
    short[] pcm = ToneGenerator.sine(hz, 0.3, 160, 8000);
    assertTrue(ToneDetector.hasTone(pcm, 0, 160, hz, 8000));
  }

  @Test
  void detectsAQuietTone() {
    assertTrue(ToneDetector.hasTone(ToneGenerator.sine(1000, 0.01, 160, 8000), 0, 160, 1000, 8000));
  }

  @Test
  void doesNotTakeAnotherToneFor1000Hz() {
    for (int hz : new int[] {1500, 700, 1300, 1200, 800, 2000, 500}) {
      short[] pcm = ToneGenerator.sine(hz, 0.5, 160, 8000);
      assertFalse(ToneDetector.hasTone(pcm, 0, 160, 1000, 8000), hz + " Hz taken for 1000 Hz");
    }
  }

  @Test
  void doesNotDetectSilence() {
    assertFalse(ToneDetector.hasTone(new short[160], 0, 160, 1000, 8000));
    byte[] ulaw = new byte[160];
    Arrays.fill(ulaw, AudioCodec.PCMU.silence());
    assertFalse(ToneDetector.hasTone(AudioCodec.PCMU, ulaw, 0, 160, 1000));
  }

  @Test
  void doesNotDetectWhiteNoise() {
    Random random = new Random(42);
    short[] pcm = new short[160];
    for (int trial = 0; trial < 200; trial++) {
      for (int i = 0; i < pcm.length; i++) {
        pcm[i] = (short) (random.nextGaussian() * 5000);
      }
      assertFalse(ToneDetector.hasTone(pcm, 0, 160, 1000, 8000), "noise block " + trial);
    }
  }

  @Test
  void doesNotDetectAToneBuriedInLouderNoise() {
    Random random = new Random(7);
    short[] pcm = ToneGenerator.sine(1000, 0.05, 160, 8000);
    for (int i = 0; i < pcm.length; i++) {
      pcm[i] += (short) (random.nextGaussian() * 6000);
    }
    assertFalse(ToneDetector.hasTone(pcm, 0, 160, 1000, 8000));
  }

  @ParameterizedTest
  @EnumSource(AudioCodec.class)
  void detectsAToneThroughG711(AudioCodec codec) {
    byte[] g711 = ToneGenerator.encodedSine(codec, 1000, 0.3, 320);
    assertTrue(ToneDetector.hasTone(codec, g711, 160, 160, 1000));
    assertFalse(ToneDetector.hasTone(codec, g711, 160, 160, 1500));
  }

  @Test
  void generatorIsPhaseContinuousAcrossFrames() {
    ToneGenerator gen = new ToneGenerator(1000, 0.4, 8000);
    short[] framed = new short[480];
    for (int f = 0; f < 3; f++) {
      gen.next(framed, f * 160, 160);
    }
    // 1000 Hz at 8 kHz repeats every 8 samples, so frames joined without a phase jump equal a
    // block generated in one go.
    assertArrayEquals(ToneGenerator.sine(1000, 0.4, 480, 8000), framed);
    ToneGenerator odd = new ToneGenerator(1234, 0.4, 8000);
    short[] a = new short[160];
    short[] b = new short[160];
    odd.next(a, 0, 160);
    odd.next(b, 0, 160);
    short[] whole = ToneGenerator.sine(1234, 0.4, 320, 8000);
    assertTrue(Math.abs(whole[160] - b[0]) <= 1, whole[160] + " vs " + b[0]);
    assertTrue(ToneDetector.hasTone(b, 0, 160, 1234, 8000));
  }

  @Test
  void generatorRespectsAmplitude() {
    short[] pcm = ToneGenerator.sine(1000, 1.0, 8, 8000);
    assertEquals(Short.MAX_VALUE, pcm[2]);
    assertEquals(-Short.MAX_VALUE, pcm[6]);
    assertEquals(0, pcm[0]);
  }
}
