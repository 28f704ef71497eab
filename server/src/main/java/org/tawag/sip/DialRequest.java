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
 */
public record DialRequest(
    String trunk,
    String number,
    Optional<String> callerId,
    Optional<Route> onAnswer,
    Duration ringTimeout) {
  public DialRequest {
    Objects.requireNonNull(trunk, "trunk");
    if (number == null || !number.matches("[0-9A-Za-z+*#._-]{1,64}")) {
      throw new IllegalArgumentException("not a dialable number: '" + number + "'");
    }
    if (ringTimeout.isNegative() || ringTimeout.isZero()) {
      throw new IllegalArgumentException("ring timeout must be positive: " + ringTimeout);
    }
  }
}
