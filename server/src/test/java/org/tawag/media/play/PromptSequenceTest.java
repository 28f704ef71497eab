package org.tawag.media.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tawag.media.AudioCodec;
import org.tawag.media.codec.G711;

class PromptSequenceTest {
  private static final int FRAME = AudioCodec.FRAME_SAMPLES;
  private final byte[] frame = new byte[FRAME];

  /** A sound of {@code frames} frames of the constant sample {@code level}. */
  private static Sound constant(String name, int level, int frames) {
    short[] pcm = new short[frames * FRAME];
    Arrays.fill(pcm, (short) level);
    return Sound.fromPcm(name, pcm);
  }

  @Test
  void playsEverySoundInOrderThenFinishesOnce() {
    AtomicInteger finished = new AtomicInteger();
    PromptSequence seq =
        new PromptSequence(
            List.of(constant("a", 1000, 2), constant("b", 2000, 1), constant("c", 3000, 3)),
            finished::incrementAndGet);
    assertEquals(6, seq.frames());

    List<Byte> heard = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      assertEquals(0, finished.get(), "finished before frame " + i);
      assertTrue(seq.read(AudioCodec.PCMU, frame));
      heard.add(frame[0]);
    }
    assertEquals(1, finished.get());
    assertTrue(seq.done());
    byte a = G711.linearToUlaw(1000);
    byte b = G711.linearToUlaw(2000);
    byte c = G711.linearToUlaw(3000);
    assertEquals(List.of(a, a, b, c, c, c), heard);

    assertFalse(seq.read(AudioCodec.PCMU, frame));
    assertEquals(1, finished.get());
  }

  @Test
  void finishingMaySwitchTheSourceInsideTheLastRead() {
    List<String> events = new ArrayList<>();
    PromptSequence seq =
        new PromptSequence(List.of(constant("a", 1000, 1)), () -> events.add("finished"));
    assertTrue(seq.read(AudioCodec.PCMA, frame));
    assertEquals(List.of("finished"), events);
    assertEquals(G711.linearToAlaw(1000), frame[0]);
  }

  @Test
  void emptySoundsAreSkippedAndAnEmptySequenceFinishesAtFirstRead() {
    Sound empty = Sound.fromPcm("empty", new short[0]);
    AtomicInteger finished = new AtomicInteger();
    PromptSequence seq =
        new PromptSequence(
            List.of(empty, constant("a", 1000, 1), empty), finished::incrementAndGet);
    assertTrue(seq.read(AudioCodec.PCMU, frame));
    assertEquals(1, finished.get());

    AtomicInteger none = new AtomicInteger();
    PromptSequence nothing = new PromptSequence(List.of(), none::incrementAndGet);
    assertFalse(nothing.read(AudioCodec.PCMU, frame));
    assertEquals(1, none.get());
    assertFalse(nothing.read(AudioCodec.PCMU, frame));
    assertEquals(1, none.get());
  }

  @Test
  void stopSilencesWithoutFinishing() {
    AtomicInteger finished = new AtomicInteger();
    PromptSequence seq =
        new PromptSequence(List.of(constant("a", 1000, 3)), finished::incrementAndGet);
    assertTrue(seq.read(AudioCodec.PCMU, frame));
    seq.stop();
    assertFalse(seq.read(AudioCodec.PCMU, frame));
    assertEquals(0, finished.get());
  }

  @Test
  void missingPartsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new PromptSequence(null, () -> {}));
    assertThrows(IllegalArgumentException.class, () -> new PromptSequence(List.of(), null));
    List<Sound> withNull = new ArrayList<>();
    withNull.add(null);
    assertThrows(IllegalArgumentException.class, () -> new PromptSequence(withNull, () -> {}));
  }
}
