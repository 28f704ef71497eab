package org.tawag.media.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tawag.media.AudioCodec;
import org.tawag.testing.ToneDetector;
import org.tawag.testing.ToneGenerator;

class JitterBufferTest {

  private static final int FRAME = 160;
  private static final byte SILENCE = (byte) 0xFF;

  /** A stream of distinct-looking samples: position {@code i} holds {@code i % 251}. */
  private static byte[] stream(int samples) {
    byte[] s = new byte[samples];
    for (int i = 0; i < samples; i++) {
      s[i] = (byte) (i % 251);
    }
    return s;
  }

  /** Polls once with a silence-filled frame; returns the frame or null when poll said false. */
  private static byte[] poll(JitterBuffer jb) {
    byte[] frame = new byte[FRAME];
    Arrays.fill(frame, SILENCE);
    return jb.poll(frame) ? frame : null;
  }

  @ParameterizedTest(name = "{0} ms packets")
  @ValueSource(ints = {10, 20, 30, 40})
  void reframesAnyPacketTimeInto20MsFramesWithIdenticalBytes(int ptimeMs) {
    int packet = ptimeMs * 8;
    byte[] in = stream(packet * 60);
    long base = 123_456;
    JitterBuffer jb = new JitterBuffer(3, 10);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int sent = 0;
    int falseBeforePlaying = 0;
    // Walk time in 10 ms steps: packets arrive every ptime, frames are polled every 20 ms.
    for (int t = 0; t <= ptimeMs * 60 + 200; t += 10) {
      if (t % ptimeMs == 0 && sent < in.length) {
        jb.put(base + sent, in, sent, packet);
        sent += packet;
      }
      if (t % 20 == 0) {
        byte[] frame = poll(jb);
        if (frame != null) {
          out.writeBytes(frame);
        } else if (out.size() == 0) {
          falseBeforePlaying++;
        } else if (sent < in.length) {
          throw new AssertionError("gap while the stream was still arriving at " + t + " ms");
        }
      }
    }
    assertArrayEquals(in, out.toByteArray());
    assertEquals(in.length / FRAME, jb.framesOut());
    assertTrue(falseBeforePlaying >= 2, "primed before playing: " + falseBeforePlaying);
    assertEquals(0, jb.lateDrops());
    assertEquals(0, jb.overflows());
  }

  @Test
  void aToneSentIn30MsPacketsComesOutAsAToneInEvery20MsFrame() {
    byte[] tone = ToneGenerator.encodedSine(AudioCodec.PCMA, 1000, 0.3, 240 * 20);
    JitterBuffer jb = new JitterBuffer(3, 10);
    int frames = 0;
    for (int t = 0, sent = 0; t < 700; t += 10) {
      if (t % 30 == 0 && sent < tone.length) {
        jb.put(sent, tone, sent, 240);
        sent += 240;
      }
      byte[] frame = t % 20 == 0 ? poll(jb) : null;
      if (frame != null) {
        frames++;
        assertTrue(ToneDetector.hasTone(AudioCodec.PCMA, frame, 0, FRAME, 1000), "frame " + frames);
      }
    }
    assertEquals(30, frames);
  }

  @Test
  void primesToTheTargetDepthBeforePlaying() {
    byte[] in = stream(FRAME * 4);
    JitterBuffer jb = new JitterBuffer(3, 10);
    assertEquals(0, jb.depthFrames());
    assertFalse(jb.poll(new byte[FRAME]), "empty");
    jb.put(0, in, 0, FRAME);
    jb.put(FRAME, in, FRAME, FRAME);
    assertEquals(2, jb.depthFrames());
    assertFalse(jb.poll(new byte[FRAME]), "two frames: still priming");
    jb.put(2 * FRAME, in, 2 * FRAME, FRAME);
    assertArrayEquals(Arrays.copyOfRange(in, 0, FRAME), poll(jb));
    assertEquals(2, jb.depthFrames());
    assertEquals(0, jb.underruns(), "priming is not an underrun");
  }

  @Test
  void putsReorderedPacketsBackInOrder() {
    byte[] in = stream(FRAME * 8);
    JitterBuffer jb = new JitterBuffer(3, 10);
    int[] arrival = {1, 0, 2, 4, 3, 6, 5, 7};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < arrival.length; i++) {
      int p = arrival[i];
      jb.put(1000 + p * FRAME, in, p * FRAME, FRAME);
      if (i >= 2) {
        byte[] frame = poll(jb);
        assertTrue(frame != null, "frame at arrival " + i);
        out.writeBytes(frame);
      }
    }
    while (out.size() < in.length) {
      byte[] frame = poll(jb);
      assertTrue(frame != null);
      out.writeBytes(frame);
    }
    assertArrayEquals(in, out.toByteArray());
    assertEquals(0, jb.lateDrops());
    assertEquals(0, jb.underruns());
  }

  @Test
  void aLostPacketGivesOneUnderrunFrame() {
    byte[] in = stream(FRAME * 12);
    JitterBuffer jb = new JitterBuffer(2, 10);
    StringBuilder pattern = new StringBuilder();
    for (int p = 0; p < 12; p++) {
      if (p != 5) {
        jb.put(p * FRAME, in, p * FRAME, FRAME);
      }
      byte[] frame = poll(jb);
      pattern.append(frame == null ? '-' : 'x');
      if (frame != null) {
        long expectedFrame = jb.framesOut() - 1 + (jb.underruns() > 0 ? 1 : 0);
        assertArrayEquals(
            Arrays.copyOfRange(in, (int) expectedFrame * FRAME, (int) (expectedFrame + 1) * FRAME),
            frame,
            "frame " + expectedFrame);
      }
    }
    // One priming tick, frames 0-4, the hole of frame 5, frames 6-10.
    assertEquals("-xxxxx-xxxxx", pattern.toString());
    assertEquals(1, jb.underruns());
    assertEquals(10, jb.framesOut());
  }

  @Test
  void playsAPartlyReceivedFrameLeavingTheMissingSamplesToTheCaller() {
    // 30 ms packets: losing the second leaves frame 1 (samples 160..319) half received.
    byte[] in = stream(240 * 4);
    JitterBuffer jb = new JitterBuffer(1, 10);
    jb.put(0, in, 0, 240);
    jb.put(480, in, 480, 240);
    assertArrayEquals(Arrays.copyOfRange(in, 0, 160), poll(jb));
    byte[] frame = poll(jb);
    byte[] expected = new byte[FRAME];
    Arrays.fill(expected, SILENCE);
    System.arraycopy(in, 160, expected, 0, 80);
    assertArrayEquals(expected, frame);
    assertEquals(0, jb.underruns());
  }

  @Test
  void followsTheTimestampAcrossTheWrap() {
    byte[] in = stream(FRAME * 10);
    long base = (1L << 32) - 3 * FRAME - 80;
    JitterBuffer jb = new JitterBuffer(2, 6);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int p = 0; p < 10; p++) {
      jb.put((base + (long) p * FRAME) & 0xFFFF_FFFFL, in, p * FRAME, FRAME);
      byte[] frame = poll(jb);
      if (frame != null) {
        out.writeBytes(frame);
      }
    }
    byte[] frame;
    while ((frame = poll(jb)) != null) {
      out.writeBytes(frame);
    }
    assertArrayEquals(in, out.toByteArray());
    assertEquals(0, jb.lateDrops());
    assertEquals(0, jb.overflows());
  }

  @Test
  void dropsAndCountsLatePackets() {
    byte[] in = stream(FRAME * 6);
    JitterBuffer jb = new JitterBuffer(2, 10);
    for (int p = 0; p < 4; p++) {
      if (p != 1) {
        jb.put(p * FRAME, in, p * FRAME, FRAME);
      }
    }
    assertTrue(poll(jb) != null);
    assertTrue(poll(jb) == null, "frame 1 missing");
    jb.put(FRAME, in, FRAME, FRAME);
    assertEquals(1, jb.lateDrops());
    assertArrayEquals(Arrays.copyOfRange(in, 2 * FRAME, 3 * FRAME), poll(jb));
  }

  @Test
  void keepsTheLateHalfOfAPartlyLatePacket() {
    byte[] in = stream(FRAME * 6);
    JitterBuffer jb = new JitterBuffer(1, 10);
    jb.put(0, in, 0, FRAME);
    assertTrue(poll(jb) != null);
    // Samples 80..239: the first half belongs to frame 0, already played.
    jb.put(80, in, 80, FRAME);
    byte[] frame = poll(jb);
    byte[] expected = new byte[FRAME];
    Arrays.fill(expected, SILENCE);
    System.arraycopy(in, 160, expected, 0, 80);
    assertArrayEquals(expected, frame);
    assertEquals(0, jb.lateDrops());
  }

  @Test
  void dropsTheOldestFramesWhenDataRunsPastTheMaximumDepth() {
    byte[] in = stream(FRAME * 10);
    JitterBuffer jb = new JitterBuffer(2, 4);
    for (int p = 0; p < 5; p++) {
      jb.put(p * FRAME, in, p * FRAME, FRAME);
    }
    assertEquals(1, jb.overflows());
    assertEquals(4, jb.depthFrames());
    assertArrayEquals(Arrays.copyOfRange(in, FRAME, 2 * FRAME), poll(jb), "frame 0 dropped");
  }

  @Test
  void startsOverAfterATimestampJump() {
    byte[] in = stream(FRAME * 4);
    JitterBuffer jb = new JitterBuffer(2, 4);
    jb.put(0, in, 0, FRAME);
    jb.put(FRAME, in, FRAME, FRAME);
    assertTrue(poll(jb) != null);
    jb.put(1_000_000, in, 2 * FRAME, FRAME);
    assertEquals(1, jb.overflows());
    assertEquals(1, jb.depthFrames(), "only the new packet is left");
    assertTrue(poll(jb) == null, "priming again");
    jb.put(1_000_000 + FRAME, in, 3 * FRAME, FRAME);
    assertArrayEquals(Arrays.copyOfRange(in, 2 * FRAME, 3 * FRAME), poll(jb));
    assertEquals(0, jb.underruns());
  }

  @Test
  void reprimesAfterRunningDry() {
    byte[] in = stream(FRAME * 10);
    JitterBuffer jb = new JitterBuffer(2, 10);
    jb.put(0, in, 0, FRAME);
    jb.put(FRAME, in, FRAME, FRAME);
    assertTrue(poll(jb) != null);
    assertTrue(poll(jb) != null);
    assertTrue(poll(jb) == null, "ran dry");
    assertEquals(1, jb.underruns());
    assertTrue(poll(jb) == null, "still dry: not counted again");
    assertEquals(1, jb.underruns());
    // The stream resumes later, at whatever timestamp: playout restarts from it.
    jb.put(50 * FRAME, in, 2 * FRAME, FRAME);
    assertTrue(poll(jb) == null, "priming");
    jb.put(51 * FRAME, in, 3 * FRAME, FRAME);
    assertArrayEquals(Arrays.copyOfRange(in, 2 * FRAME, 3 * FRAME), poll(jb));
    assertEquals(0, jb.lateDrops());
    assertEquals(0, jb.overflows());
  }

  @Test
  void resetForgetsTheStreamButKeepsCounting() {
    byte[] in = stream(FRAME * 4);
    JitterBuffer jb = new JitterBuffer(1, 4);
    jb.put(0, in, 0, FRAME);
    assertTrue(poll(jb) != null);
    jb.put(FRAME, in, FRAME, FRAME);
    jb.reset();
    assertEquals(0, jb.depthFrames());
    assertTrue(poll(jb) == null);
    jb.put(999_999, in, 2 * FRAME, FRAME);
    assertArrayEquals(Arrays.copyOfRange(in, 2 * FRAME, 3 * FRAME), poll(jb));
    assertEquals(2, jb.framesOut());
  }

  @Test
  void dropsAPacketLongerThanTheWholeBuffer() {
    JitterBuffer jb = new JitterBuffer(1, 2);
    jb.put(0, new byte[3 * FRAME], 0, 3 * FRAME);
    assertEquals(1, jb.overflows());
    assertEquals(0, jb.depthFrames());
  }

  @Test
  void rejectsCallerMistakes() {
    assertThrows(IllegalArgumentException.class, () -> new JitterBuffer(0, 4));
    assertThrows(IllegalArgumentException.class, () -> new JitterBuffer(5, 4));
    JitterBuffer jb = new JitterBuffer(1, 4);
    assertThrows(IllegalArgumentException.class, () -> jb.put(0, new byte[10], 5, 6));
    assertThrows(IllegalArgumentException.class, () -> jb.poll(new byte[FRAME - 1]));
  }
}
