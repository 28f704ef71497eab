package org.tawag.media.play;

import java.util.Arrays;
import org.tawag.media.AudioCodec;
import org.tawag.media.codec.G711;

/**
 * A named sound ready to send: encoded once to both µ-law and A-law and cut into 20 ms frames, so
 * playing it costs a copy per frame and no transcoding (tech notes §3.9).
 *
 * <p>Immutable; safe to share between any number of players and threads.
 */
public final class Sound {
  private static final int FRAME = AudioCodec.FRAME_SAMPLES;

  private final String name;
  private final int frames;
  private final byte[] ulaw;
  private final byte[] alaw;

  private Sound(String name, int frames, byte[] ulaw, byte[] alaw) {
    this.name = name;
    this.frames = frames;
    this.ulaw = ulaw;
    this.alaw = alaw;
  }

  /** Encodes 8 kHz linear PCM; the last frame is padded with silence. */
  public static Sound fromPcm(String name, short[] pcm) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("sound name must not be blank: '" + name + "'");
    }
    int frames = (pcm.length + FRAME - 1) / FRAME;
    byte[] ulaw = new byte[frames * FRAME];
    byte[] alaw = new byte[frames * FRAME];
    Arrays.fill(ulaw, AudioCodec.PCMU.silence());
    Arrays.fill(alaw, AudioCodec.PCMA.silence());
    G711.encode(AudioCodec.PCMU, pcm, 0, ulaw, 0, pcm.length);
    G711.encode(AudioCodec.PCMA, pcm, 0, alaw, 0, pcm.length);
    return new Sound(name, frames, ulaw, alaw);
  }

  /** The sound's name, e.g. the WAV file name without {@code .wav}. */
  public String name() {
    return name;
  }

  /** Its length in 20 ms frames. */
  public int frames() {
    return frames;
  }

  /** Copies frame {@code index} in {@code codec} into the first 160 bytes of {@code out}. */
  public void copyFrame(AudioCodec codec, int index, byte[] out) {
    if (index < 0 || index >= frames) {
      throw new IllegalArgumentException(
          "frame " + index + " outside sound '" + name + "' of " + frames + " frames");
    }
    if (out.length < FRAME) {
      throw new IllegalArgumentException("frame buffer of " + out.length + " bytes, need " + FRAME);
    }
    System.arraycopy(codec == AudioCodec.PCMU ? ulaw : alaw, index * FRAME, out, 0, FRAME);
  }

  @Override
  public String toString() {
    return "Sound[" + name + ", " + frames + " frames]";
  }
}
