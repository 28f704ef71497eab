package org.tawag.sip.registrar;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a registered phone user can be reached: the contact it registered and the address the
 * REGISTER really came from. Requests to the phone go to the source address over the same transport
 * (RFC 5626's flow idea without its extensions), which is what reaches a phone behind NAT.
 *
 * @param username the AOR's user part: the operator's agent id
 * @param contact the Contact URI from the REGISTER, used as the Request-URI of calls to the phone
 * @param sourceHost the IP address the REGISTER came from
 * @param sourcePort the port the REGISTER came from
 * @param transport "udp" or "tcp", as the REGISTER came
 * @param callId the REGISTER's Call-ID, for the CSeq order check of RFC 3261 §10.3 step 7
 * @param cseq the REGISTER's CSeq number
 * @param expiresAt when the binding lapses unless refreshed
 */
public record PhoneBinding(
    String username,
    String contact,
    String sourceHost,
    int sourcePort,
    String transport,
    String callId,
    long cseq,
    Instant expiresAt) {

  public PhoneBinding {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(sourceHost, "sourceHost");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Whether the binding has lapsed at {@code now}. */
  public boolean expired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** Whole seconds left at {@code now}, never negative (for the 200's {@code expires}). */
  public long secondsLeft(Instant now) {
    return Math.max(0, Duration.between(now, expiresAt).getSeconds());
  }
}
