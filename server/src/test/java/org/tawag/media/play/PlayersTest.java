package org.tawag.media.play;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tawag.media.AudioCodec;
import org.tawag.media.codec.G711;

class PlayersTest {
  private static final int FRAME = AudioCodec.FRAME_SAMPLES;
  private final byte[] frame = new byte[FRAME];

  /** A sound whose frame i holds the constant sample 1000 * (i + 1). */
  private static Sound steps(int frames) {
    short[] pcm = new short[frames * FRAME];
    for (int i = 0; i < pcm.length; i++) {
      pcm[i] = (short) (1000 * (i / FRAME + 1));
    }
    return Sound.fromPcm("steps", pcm);
  }

  private static byte ulaw(int pcm) {
    return G711.linearToUlaw(pcm);
  }

  @Test
  void promptPlaysEachFrameOnceThenFinishesOnce() {
    AtomicInteger finished = new AtomicInteger();
    PromptPlayer player = new PromptPlayer(steps(3), finished::incrementAndGet);
    for (int i = 0; i < 3; i++) {
      assertTrue(player.read(AudioCodec.PCMU, frame));
      assertEquals(ulaw(1000 * (i + 1)), frame[0]);
      assertEquals(ulaw(1000 * (i + 1)), frame[FRAME - 1]);
      assertEquals(i == 2 ? 1 : 0, finished.get(), "after frame " + i);
    }
    assertFalse(player.read(AudioCodec.PCMU, frame));
    assertFalse(player.read(AudioCodec.PCMU, frame));
    assertEquals(1, finished.get());
  }

  @Test
  void promptReadsInTheLegsCodec() {
    PromptPlayer player = new PromptPlayer(steps(1), () -> {});
    assertTrue(player.read(AudioCodec.PCMA, frame));
    assertEquals(G711.linearToAlaw(1000), frame[0]);
  }

  @Test
  void stoppedPromptIsSilentAndNeverFinishes() {
    AtomicInteger finished = new AtomicInteger();
    PromptPlayer player = new PromptPlayer(steps(3), finished::incrementAndGet);
    assertTrue(player.read(AudioCodec.PCMU, frame));
    player.stop();
    for (int i = 0; i < 5; i++) {
      assertFalse(player.read(AudioCodec.PCMU, frame));
    }
    assertEquals(0, finished.get());
  }

  @Test
  void emptyPromptFinishesOnFirstRead() {
    AtomicInteger finished = new AtomicInteger();
    PromptPlayer player =
        new PromptPlayer(Sound.fromPcm("empty", new short[0]), finished::incrementAndGet);
    assertFalse(player.read(AudioCodec.PCMU, frame));
    assertFalse(player.read(AudioCodec.PCMU, frame));
    assertEquals(1, finished.get());
  }

  @Test
  void loopPlayerWrapsAround() {
    LoopPlayer player = new LoopPlayer(steps(2));
    int[] expected = {1000, 2000, 1000, 2000, 1000};
    for (int want : expected) {
      assertTrue(player.read(AudioCodec.PCMU, frame));
      assertEquals(ulaw(want), frame[80]);
    }
  }

  @Test
  void echoReturnsFramesInOrder() {
    Echo echo = new Echo(4);
    assertFalse(echo.read(AudioCodec.PCMU, frame));
    echo.write(AudioCodec.PCMU, filled((byte) 1));
    echo.write(AudioCodec.PCMU, filled((byte) 2));
    assertTrue(echo.read(AudioCodec.PCMU, frame));
    assertArrayEquals(filled((byte) 1), frame);
    assertTrue(echo.read(AudioCodec.PCMU, frame));
    assertArrayEquals(filled((byte) 2), frame);
    assertFalse(echo.read(AudioCodec.PCMU, frame));
  }

  @Test
  void echoDropsAndCountsTheOldestWhenFull() {
    Echo echo = new Echo(3);
    for (int i = 1; i <= 5; i++) {
      echo.write(AudioCodec.PCMU, filled((byte) i));
    }
    assertEquals(3, echo.queued());
    assertEquals(2, echo.dropped());
    for (int i = 3; i <= 5; i++) {
      assertTrue(echo.read(AudioCodec.PCMU, frame));
      assertEquals((byte) i, frame[0]);
    }
  }

  @Test
  void echoCopiesTheFrameItIsGiven() {
    Echo echo = new Echo();
    byte[] reused = filled((byte) 7);
    echo.write(AudioCodec.PCMU, reused);
    Arrays.fill(reused, (byte) 9);
    assertTrue(echo.read(AudioCodec.PCMU, frame));
    assertEquals((byte) 7, frame[0]);
  }

  @Test
  void echoTranscodesBetweenLaws() {
    Echo echo = new Echo();
    echo.write(AudioCodec.PCMU, filled(ulaw(1000)));
    assertTrue(echo.read(AudioCodec.PCMA, frame));
    assertEquals(G711.transcode(AudioCodec.PCMU, AudioCodec.PCMA, ulaw(1000)), frame[0]);
    int back = G711.alawToLinear(frame[0] & 0xFF);
    assertTrue(Math.abs(back - 1000) < 64, "A-law of µ-law 1000 decodes to " + back);
  }

  private static byte[] filled(byte value) {
    byte[] f = new byte[FRAME];
    Arrays.fill(f, value);
    return f;
  }
}
