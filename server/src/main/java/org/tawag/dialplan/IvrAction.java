package org.tawag.dialplan;

import java.time.Duration;
import java.util.Objects;

/**
 * What the caller of an {@link IvrSession} must do next. Every action except {@link Ignore}
 * replaces the previous one: stop the sound that is playing and cancel the pending digit timer,
 * then do this.
 */
public sealed interface IvrAction {

  /**
   * Play {@code sound} from the sounds directory, then report its natural end with {@link
   * IvrSession#onPlaybackFinished()}. Keep passing digits while it plays (barge-in).
   */
  record Play(String sound) implements IvrAction {
    public Play {
      Objects.requireNonNull(sound, "sound");
    }
  }

  /** Start a timer of {@code timeout} and report it with {@link IvrSession#onTimeout()}. */
  record WaitForDigit(Duration timeout) implements IvrAction {
    public WaitForDigit {
      Objects.requireNonNull(timeout, "timeout");
    }
  }

  /** Leave the IVR for the dial plan target named {@code target}. */
  record GoTo(String target) implements IvrAction {
    public GoTo {
      Objects.requireNonNull(target, "target");
    }
  }

  /** Leave the IVR and end the call. */
  record HangUp() implements IvrAction {}

  /**
   * Change nothing: the event came in a state that does not expect it, such as a timer that fired
   * after a digit had already moved the session on, or a digit after the session ended.
   */
  record Ignore() implements IvrAction {}
}
