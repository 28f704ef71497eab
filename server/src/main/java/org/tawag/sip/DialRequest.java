package org.tawag.sip;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.tawag.dialplan.Route;

/**
 * An outgoing call to place through a trunk.
 *
 * @param trunk the trunk's name
 * @param number the number to dial (the Request-URI user part)
 * @param callerId the user part of From, or empty for the trunk's {@code from-user}
 * @param onAnswer the dial-plan target to run once answered, or empty to leave the call to the
 *     caller of {@link OutboundCalls#dial} (click-to-dial and campaigns bridge it themselves)
 * @param ringTimeout how long to wait for an answer before cancelling
 * @param callId the SIP Call-ID to use, or empty for a new one; set by a caller that must know the
 *     call's id before the INVITE goes out (an operator's dial is in the ACD under it first)
 */
public record DialRequest(
    String trunk,
    String number,
    Optional<String> callerId,
    Optional<Route> onAnswer,
    Duration ringTimeout,
    Optional<String> callId) {
  public DialRequest {
    Objects.requireNonNull(trunk, "trunk");
    Objects.requireNonNull(callId, "callId");
    if (callId.isPresent() && !callId.get().matches("[A-Za-z0-9.!%*_+`'~()<>:/?{}@-]{1,128}")) {
      throw new IllegalArgumentException("not a Call-ID: '" + callId.get() + "'");
    }
    if (number == null || !number.matches("[0-9A-Za-z+*#._-]{1,64}")) {
      throw new IllegalArgumentException("not a dialable number: '" + number + "'");
    }
    if (ringTimeout.isNegative() || ringTimeout.isZero()) {
      throw new IllegalArgumentException("ring timeout must be positive: " + ringTimeout);
    }
  }

  /** A request whose call gets a new Call-ID. */
  public DialRequest(
      String trunk,
      String number,
      Optional<String> callerId,
      Optional<Route> onAnswer,
      Duration ringTimeout) {
    this(trunk, number, callerId, onAnswer, ringTimeout, Optional.empty());
  }
}
