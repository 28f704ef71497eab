package org.tawag.media.play;

import org.tawag.media.AudioCodec;
import org.tawag.media.AudioSource;

/**
 * Plays a sound once (an announcement, a prompt) and says when it is done.
 *
 * <p>Runs on the leg's event loop like every {@link AudioSource}; {@link #stop()} may be called
 * there too.
 */
public final class PromptPlayer implements AudioSource {
  private final Sound sound;
  private final Runnable onFinished;
  private int next;
  private boolean done;

  /**
   * @param onFinished runs once, inside the {@code read} that returns the last frame (on the loop),
   *     so it may switch the leg to another source for the following frame
   */
  public PromptPlayer(Sound sound, Runnable onFinished) {
    if (sound == null || onFinished == null) {
      throw new IllegalArgumentException("sound and onFinished are required: " + sound);
    }
    this.sound = sound;
    this.onFinished = onFinished;
  }

  @Override
  public boolean read(AudioCodec codec, byte[] frame) {
    if (done) {
      return false;
    }
    boolean filled = false;
    if (next < sound.frames()) {
      sound.copyFrame(codec, next++, frame);
      filled = true;
    }
    if (next >= sound.frames()) {
      done = true;
      onFinished.run();
    }
    return filled;
  }

  /** Silences the player for good without calling {@code onFinished} (e.g. barge-in). */
  public void stop() {
    done = true;
  }

  /** Whether the player has nothing more to play. */
  public boolean done() {
    return done;
  }

  @Override
  public String toString() {
    return "PromptPlayer[" + sound.name() + " at " + next + "/" + sound.frames() + "]";
  }
}
