package org.tawag.media.play;

import java.util.List;
import org.tawag.media.AudioCodec;
import org.tawag.media.AudioSource;

/**
 * Plays several sounds back to back, as one prompt (a queue announcement built of parts: "You are
 * number", "twenty", "one", "in the queue"), and says when the last one is done.
 *
 * <p>Runs on the leg's event loop like every {@link AudioSource}; {@link #stop()} may be called
 * there too. A sound of no frames is skipped.
 */
public final class PromptSequence implements AudioSource {
  private final List<Sound> sounds;
  private final Runnable onFinished;
  private final int frames;
  private int current;
  private int next;
  private boolean done;

  /**
   * @param onFinished runs once, inside the {@code read} that returns the last frame (on the loop),
   *     so it may switch the leg to another source for the following frame; for an empty sequence,
   *     inside the first {@code read}
   */
  public PromptSequence(List<Sound> sounds, Runnable onFinished) {
    if (sounds == null || onFinished == null || sounds.stream().anyMatch(s -> s == null)) {
      throw new IllegalArgumentException("sounds and onFinished are required: " + sounds);
    }
    this.sounds = List.copyOf(sounds);
    this.onFinished = onFinished;
    this.frames = this.sounds.stream().mapToInt(Sound::frames).sum();
  }

  @Override
  public boolean read(AudioCodec codec, byte[] frame) {
    if (done) {
      return false;
    }
    skipFinishedSounds();
    boolean filled = false;
    if (current < sounds.size()) {
      sounds.get(current).copyFrame(codec, next++, frame);
      filled = true;
      skipFinishedSounds();
    }
    if (current >= sounds.size()) {
      done = true;
      onFinished.run();
    }
    return filled;
  }

  private void skipFinishedSounds() {
    while (current < sounds.size() && next >= sounds.get(current).frames()) {
      current++;
      next = 0;
    }
  }

  /** Silences the sequence for good without calling {@code onFinished}. */
  public void stop() {
    done = true;
  }

  /** Whether the sequence has nothing more to play. */
  public boolean done() {
    return done;
  }

  /** The length of the whole sequence in 20 ms frames. */
  public int frames() {
    return frames;
  }

  @Override
  public String toString() {
    String name = current < sounds.size() ? sounds.get(current).name() : "end";
    return "PromptSequence[" + sounds.size() + " sounds, at " + name + ":" + next + "]";
  }
}
