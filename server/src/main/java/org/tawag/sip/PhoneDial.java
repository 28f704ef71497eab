package org.tawag.sip;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A call to place to a registered SIP phone: the operator's phone rings with the caller's number.
 *
 * @param username the phone user (the agent id) whose binding to call
 * @param callerId the number the phone shows (From's user part and display name), or empty for
 *     {@code tawag}
 * @param ringTimeout how long the phone may ring before the call is cancelled (NO_ANSWER)
 */
public record PhoneDial(String username, Optional<String> callerId, Duration ringTimeout) {
  public PhoneDial {
    if (username == null || !username.matches("[A-Za-z0-9._~+-]{1,64}")) {
      throw new IllegalArgumentException("not a phone username: '" + username + "'");
    }
    Objects.requireNonNull(callerId, "callerId");
    callerId.ifPresent(
        id -> {
          if (!id.matches("[0-9A-Za-z+*#._-]{1,64}")) {
            throw new IllegalArgumentException("not a caller number: '" + id + "'");
          }
        });
    if (ringTimeout == null || ringTimeout.isNegative() || ringTimeout.isZero()) {
      throw new IllegalArgumentException("ring timeout must be positive: " + ringTimeout);
    }
  }
}
