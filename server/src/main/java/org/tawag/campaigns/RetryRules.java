package org.tawag.campaigns;

import java.time.Duration;

/**
 * How often a contact may be dialled and how long to wait after each kind of failed dial.
 *
 * @param maxAttempts dials per contact, answered or not, at least one
 */
public record RetryRules(
    int maxAttempts, Duration afterNoAnswer, Duration afterBusy, Duration afterFailed) {

  public RetryRules {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
  }

  /** The wait before dialling again after {@code result} (not ANSWERED). */
  public Duration after(DialOutcome result) {
    return switch (result) {
      case NO_ANSWER -> afterNoAnswer;
      case BUSY -> afterBusy;
      case FAILED -> afterFailed;
      case ANSWERED -> throw new IllegalArgumentException("an answered dial is not retried");
    };
  }
}
