package org.tawag.campaigns;

import java.util.Locale;
import org.tawag.sip.DialResult;

/** How one dial of a contact ended, as {@code dial_attempts.result} stores it. */
public enum DialOutcome {
  ANSWERED,
  BUSY,
  NO_ANSWER,
  FAILED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The outcome of a failed SIP dial: busy and no answer get their own retry delay. */
  public static DialOutcome of(DialResult.Cause cause) {
    return switch (cause) {
      case BUSY -> BUSY;
      case NO_ANSWER, CANCELLED -> NO_ANSWER;
      default -> FAILED;
    };
  }
}
