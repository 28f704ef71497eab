package org.tawag.config;

import java.util.Optional;

/**
 * What a caller waiting in one queue hears and can do; kept beside {@link org.tawag.acd.QueueSpec},
 * which holds routing only.
 *
 * @param queue the queue's name
 * @param music the hold music: a sound name in the sounds directory, without ".wav", or {@value
 *     #RING}
 * @param callbackKey the RFC 4733 key (0-9, * or #) that leaves a callback request instead of
 *     waiting on; empty for none
 */
public record QueueMedia(String queue, String music, Optional<Character> callbackKey) {
  /**
   * The music value that makes callers hear ringing (180) instead of music; the call is answered
   * only when an agent takes it, like Asterisk's Queue() {@code r} option. Saves the trunk's
   * billing for calls nobody answers.
   */
  public static final String RING = "ring";

  /** The {@code callback-key} value for no callback key. */
  public static final String NO_CALLBACK_KEY = "none";

  public QueueMedia {
    if (callbackKey == null) {
      throw new IllegalArgumentException("callbackKey must not be null for queue " + queue);
    }
    callbackKey.ifPresent(
        key -> {
          if (!isCallbackKey(key)) {
            throw new IllegalArgumentException(
                "callback key of queue " + queue + " must be 0-9, * or # but was '" + key + "'");
          }
        });
  }

  /** A queue with no callback key. */
  public QueueMedia(String queue, String music) {
    this(queue, music, Optional.empty());
  }

  /** Whether callers hear ringing until an agent answers. */
  public boolean ringsUntilAnswered() {
    return RING.equals(music);
  }

  /** Whether {@code key} can be a callback key: an RFC 4733 digit 0-9, * or #. */
  public static boolean isCallbackKey(char key) {
    return (key >= '0' && key <= '9') || key == '*' || key == '#';
  }
}
