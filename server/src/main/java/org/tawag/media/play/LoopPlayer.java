package org.tawag.media.play;

import org.tawag.media.AudioCodec;
import org.tawag.media.AudioSource;

/** Plays a sound over and over (hold music). Runs on the leg's event loop. */
public final class LoopPlayer implements AudioSource {
  private final Sound sound;
  private int next;

  public LoopPlayer(Sound sound) {
    if (sound == null) {
      throw new IllegalArgumentException("sound is required");
    }
    this.sound = sound;
  }

  @Override
  public boolean read(AudioCodec codec, byte[] frame) {
    if (sound.frames() == 0) {
      return false;
    }
    sound.copyFrame(codec, next, frame);
    next = (next + 1) % sound.frames();
    return true;
  }

  @Override
  public String toString() {
    return "LoopPlayer[" + sound.name() + " at " + next + "/" + sound.frames() + "]";
  }
}
