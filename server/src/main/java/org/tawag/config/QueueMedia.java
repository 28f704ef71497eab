package org.tawag.config;

/**
 * What a caller waiting in one queue hears; kept beside {@link org.tawag.acd.QueueSpec}, which
 * holds routing only.
 *
 * @param queue the queue's name
 * @param music the hold music: a sound name in the sounds directory, without ".wav", or {@value
 *     #RING}
 */
public record QueueMedia(String queue, String music) {
  /**
   * The music value that makes callers hear ringing (180) instead of music; the call is answered
   * only when an agent takes it, like Asterisk's Queue() {@code r} option. Saves the trunk's
   * billing for calls nobody answers.
   */
  public static final String RING = "ring";

  /** Whether callers hear ringing until an agent answers. */
  public boolean ringsUntilAnswered() {
    return RING.equals(music);
  }
}
