package org.tawag.dialplan;

import java.util.Optional;

/**
 * One caller's walk through an {@link Route.Ivr}: a pure state machine that is told what happened
 * (playback ended, a digit came, the digit timer fired) and returns the {@link IvrAction} to take.
 * It owns no timers and plays nothing; the caller does both and reports back.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>The prompt plays; digits pressed while it plays count (barge-in).
 *   <li>Digits collect while some choice starts with them. A unique full match goes to its target
 *       at once. A full match that is also the start of a longer choice ("1" beside "12") waits
 *       another {@code digitTimeout} for more; if none comes, the full match is taken.
 *   <li>A digit sequence no choice starts with, or silence for {@code digitTimeout} after the
 *       prompt, is a failed attempt: the invalid sound plays (when configured), then the prompt
 *       again. A digit during the invalid sound starts the next attempt at once.
 *   <li>After {@code maxAttempts} prompts have failed (and the invalid sound has played), the
 *       session goes to {@code onFailure}, or hangs up when there is none.
 * </ul>
 *
 * <p>Not thread-safe: run it on the call's serial context.
 */
public final class IvrSession {
  private enum State {
    NEW,
    PLAYING_PROMPT,
    WAITING,
    PLAYING_INVALID,
    PLAYING_FINAL_INVALID,
    DONE
  }

  private final Route.Ivr ivr;
  private State state = State.NEW;
  private int attempt;
  private final StringBuilder digits = new StringBuilder();

  /**
   * A session for {@code ivr}, not yet started.
   *
   * @throws IllegalArgumentException when the IVR has no choices or fewer than one attempt
   */
  public IvrSession(Route.Ivr ivr) {
    if (ivr.maxAttempts() < 1) {
      throw new IllegalArgumentException(
          "IVR '" + ivr.name() + "' needs maxAttempts >= 1, got " + ivr.maxAttempts());
    }
    if (ivr.choices().isEmpty()) {
      throw new IllegalArgumentException("IVR '" + ivr.name() + "' has no choices");
    }
    this.ivr = ivr;
  }

  /**
   * Starts the first attempt.
   *
   * @return {@link IvrAction.Play} of the prompt
   * @throws IllegalStateException when already started
   */
  public IvrAction start() {
    if (state != State.NEW) {
      throw new IllegalStateException("IVR session '" + ivr.name() + "' already started");
    }
    return playPrompt();
  }

  /** Reports that the sound of the latest {@link IvrAction.Play} ended by itself. */
  public IvrAction onPlaybackFinished() {
    requireStarted();
    return switch (state) {
      case PLAYING_PROMPT -> waitForDigit();
      case PLAYING_INVALID -> playPrompt();
      case PLAYING_FINAL_INVALID -> fail();
      default -> new IvrAction.Ignore();
    };
  }

  /**
   * Reports an RFC 4733 digit.
   *
   * @param digit one of 0-9, *, #, A-D (a-d accepted)
   * @throws IllegalArgumentException when {@code digit} is not a DTMF character
   */
  public IvrAction onDigit(char digit) {
    char d = Character.toUpperCase(digit);
    if (!isDtmf(d)) {
      throw new IllegalArgumentException("not a DTMF digit: '" + digit + "'");
    }
    requireStarted();
    switch (state) {
      case PLAYING_INVALID -> {
        // Barge-in on the invalid sound: the caller has already started the next attempt.
        attempt++;
        digits.setLength(0);
      }
      case PLAYING_PROMPT, WAITING -> {}
      default -> {
        return new IvrAction.Ignore();
      }
    }
    digits.append(d);
    String sofar = digits.toString();
    boolean full = ivr.choices().containsKey(sofar);
    boolean longer =
        ivr.choices().keySet().stream()
            .anyMatch(k -> k.length() > sofar.length() && k.startsWith(sofar));
    if (full && !longer) {
      return goTo(ivr.choices().get(sofar));
    }
    if (full || longer) {
      return waitForDigit();
    }
    return failAttempt();
  }

  /** Reports that the timer of the latest {@link IvrAction.WaitForDigit} fired. */
  public IvrAction onTimeout() {
    requireStarted();
    if (state != State.WAITING) {
      return new IvrAction.Ignore();
    }
    String choice = ivr.choices().get(digits.toString());
    return choice != null ? goTo(choice) : failAttempt();
  }

  /** Prompts played so far, the current one included (1 after {@link #start()}). */
  public int attempt() {
    return attempt;
  }

  /** Whether the session has returned {@link IvrAction.GoTo} or {@link IvrAction.HangUp}. */
  public boolean isDone() {
    return state == State.DONE;
  }

  /** Digits collected in the current attempt. */
  public String digits() {
    return digits.toString();
  }

  private IvrAction playPrompt() {
    attempt++;
    digits.setLength(0);
    state = State.PLAYING_PROMPT;
    return new IvrAction.Play(ivr.prompt());
  }

  private IvrAction waitForDigit() {
    state = State.WAITING;
    return new IvrAction.WaitForDigit(ivr.digitTimeout());
  }

  private IvrAction failAttempt() {
    digits.setLength(0);
    boolean last = attempt >= ivr.maxAttempts();
    Optional<String> invalid = ivr.invalidSound();
    if (invalid.isPresent()) {
      state = last ? State.PLAYING_FINAL_INVALID : State.PLAYING_INVALID;
      return new IvrAction.Play(invalid.get());
    }
    return last ? fail() : playPrompt();
  }

  private IvrAction fail() {
    return ivr.onFailure().<IvrAction>map(this::goTo).orElseGet(this::hangUp);
  }

  private IvrAction goTo(String target) {
    state = State.DONE;
    return new IvrAction.GoTo(target);
  }

  private IvrAction hangUp() {
    state = State.DONE;
    return new IvrAction.HangUp();
  }

  private void requireStarted() {
    if (state == State.NEW) {
      throw new IllegalStateException("IVR session '" + ivr.name() + "' not started");
    }
  }

  private static boolean isDtmf(char c) {
    return (c >= '0' && c <= '9') || c == '*' || c == '#' || (c >= 'A' && c <= 'D');
  }
}
