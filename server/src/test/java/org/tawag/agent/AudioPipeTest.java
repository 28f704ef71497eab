package org.tawag.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tawag.media.AudioCodec;
import org.tawag.media.codec.G711;

class AudioPipeTest {
  private static byte[] frame(int value) {
    byte[] f = new byte[AudioCodec.FRAME_SAMPLES];
    Arrays.fill(f, (byte) value);
    return f;
  }

  @Test
  void playsNothingUntilPrimedThenInOrder() {
    AudioPipe pipe = new AudioPipe();
    byte[] out = new byte[160];
    pipe.push(AudioCodec.PCMU, frame(1), 0);
    pipe.push(AudioCodec.PCMU, frame(2), 0);
    assertFalse(pipe.read(AudioCodec.PCMU, out), "two frames are not enough to start");
    pipe.push(AudioCodec.PCMU, frame(3), 0);
    for (int i = 1; i <= 3; i++) {
      assertTrue(pipe.read(AudioCodec.PCMU, out));
      assertEquals(i, out[0]);
    }
  }

  @Test
  void underrunPrimesAgainAndIsCounted() {
    AudioPipe pipe = new AudioPipe();
    byte[] out = new byte[160];
    for (int i = 0; i < AudioPipe.PRIME; i++) {
      pipe.push(AudioCodec.PCMU, frame(i), 0);
    }
    for (int i = 0; i < AudioPipe.PRIME; i++) {
      assertTrue(pipe.read(AudioCodec.PCMU, out));
    }
    assertFalse(pipe.read(AudioCodec.PCMU, out));
    pipe.push(AudioCodec.PCMU, frame(9), 0);
    assertFalse(pipe.read(AudioCodec.PCMU, out), "re-primes before playing again");
    assertEquals(1, pipe.stats().underruns());
  }

  @Test
  void overflowDropsTheOldestFrames() {
    AudioPipe pipe = new AudioPipe();
    byte[] out = new byte[160];
    for (int i = 0; i < AudioPipe.CAPACITY + 3; i++) {
      pipe.push(AudioCodec.PCMU, frame(i), 0);
    }
    assertEquals(AudioPipe.CAPACITY, pipe.buffered());
    assertEquals(3, pipe.stats().overflows());
    assertTrue(pipe.read(AudioCodec.PCMU, out));
    assertEquals(3, out[0], "the three oldest went");
  }

  @Test
  void standingDelayAfterABurstIsTrimmedWithinASecond() {
    AudioPipe pipe = new AudioPipe();
    byte[] out = new byte[160];
    // A burst of 9 frames, then a steady producer: one in, one out, every 20 ms.
    int n = 0;
    for (; n < 9; n++) {
      pipe.push(AudioCodec.PCMU, frame(n), 0);
    }
    for (int tick = 0; tick < AudioPipe.TRIM_WINDOW; tick++) {
      assertTrue(pipe.read(AudioCodec.PCMU, out));
      pipe.push(AudioCodec.PCMU, frame(n++), 0);
    }
    assertEquals(AudioPipe.PRIME, pipe.buffered(), "back to the prime level: 60 ms");
    assertEquals(6, pipe.stats().trimmed());
    // Played in order, the trimmed ones skipped, and no underrun afterwards.
    for (int tick = 0; tick < 200; tick++) {
      assertTrue(pipe.read(AudioCodec.PCMU, out), "tick " + tick);
      pipe.push(AudioCodec.PCMU, frame(n++), 0);
    }
    assertEquals(0, pipe.stats().underruns());
  }

  @Test
  void jitteryProducerKeepsItsCover() {
    AudioPipe pipe = new AudioPipe();
    byte[] out = new byte[160];
    for (int i = 0; i < AudioPipe.PRIME; i++) {
      pipe.push(AudioCodec.PCMU, frame(i), 0);
    }
    // Frames arrive in pairs every 40 ms: the level swings between 1 and 3, nothing is trimmed.
    for (int tick = 0; tick < 500; tick++) {
      assertTrue(pipe.read(AudioCodec.PCMU, out));
      if (tick % 2 == 1) {
        pipe.push(AudioCodec.PCMU, frame(1), 0);
        pipe.push(AudioCodec.PCMU, frame(2), 0);
      }
    }
    assertEquals(0, pipe.stats().trimmed());
    assertEquals(0, pipe.stats().underruns());
  }

  @Test
  void convertsBetweenLawsByTable() {
    AudioPipe pipe = new AudioPipe();
    byte[] ulaw = new byte[160];
    for (int i = 0; i < 160; i++) {
      ulaw[i] = G711.linearToUlaw((i - 80) * 300);
    }
    for (int i = 0; i < AudioPipe.PRIME; i++) {
      pipe.push(AudioCodec.PCMU, ulaw, 0);
    }
    byte[] out = new byte[160];
    assertTrue(pipe.read(AudioCodec.PCMA, out));
    byte[] expected = new byte[160];
    for (int i = 0; i < 160; i++) {
      expected[i] = G711.transcode(AudioCodec.PCMU, AudioCodec.PCMA, ulaw[i]);
    }
    assertArrayEquals(expected, out);
  }

  @Test
  void mutedPipeDiscardsAndEmpties() {
    AudioPipe pipe = new AudioPipe();
    byte[] out = new byte[160];
    for (int i = 0; i < 5; i++) {
      pipe.push(AudioCodec.PCMU, frame(i), 0);
    }
    pipe.mute(true);
    pipe.push(AudioCodec.PCMU, frame(7), 0);
    assertEquals(0, pipe.buffered());
    assertFalse(pipe.read(AudioCodec.PCMU, out));
    pipe.mute(false);
    for (int i = 0; i < AudioPipe.PRIME; i++) {
      pipe.push(AudioCodec.PCMU, frame(8), 0);
    }
    assertTrue(pipe.read(AudioCodec.PCMU, out));
    assertEquals(8, out[0]);
  }
}
