package org.tawag.sip.registrar;

import java.util.Optional;

/**
 * Decides what a REGISTER's digest answer earns (RFC 3261 §22.4 with RFC 2617 qop=auth), in two
 * steps around the asynchronous credential lookup: what can be judged from the request alone, then
 * the digest itself with the user's HA1.
 */
final class DigestCheck {
  /** What to answer. */
  enum Verdict {
    /** The digest is right: go on with the registration. */
    ACCEPTED,
    /** 401 with a fresh nonce: credentials for another realm, a nonce not ours, a replay. */
    CHALLENGE,
    /** 401 with a fresh nonce and {@code stale=true}: right digest over an expired nonce. */
    STALE,
    /** 403: wrong password, unknown user, or a username that is not the To user. */
    FORBIDDEN,
    /** 400: the answer does not fit the request (digest uri is not the Request-URI). */
    BAD_REQUEST
  }

  /** A verdict with the reason phrase for the response (no secrets in it). */
  record Outcome(Verdict verdict, String reason) {}

  private final String realm;
  private final Nonces nonces;
  private final NonceCounts counts;

  DigestCheck(String realm, Nonces nonces, NonceCounts counts) {
    this.realm = realm;
    this.nonces = nonces;
    this.counts = counts;
  }

  /**
   * What the request alone decides, or empty when the user's HA1 is needed.
   *
   * @param toUser the user part of To: the AOR the phone registers
   * @param uriMatchesRequest whether the digest uri is the Request-URI (compared at the SIP edge,
   *     where URIs can be parsed)
   */
  Optional<Outcome> beforeLookup(DigestCredentials c, String toUser, boolean uriMatchesRequest) {
    if (!realm.equals(c.realm())) {
      return Optional.of(new Outcome(Verdict.CHALLENGE, "Unauthorized (unknown realm)"));
    }
    if (!c.username().equals(toUser)) {
      return Optional.of(new Outcome(Verdict.FORBIDDEN, "Forbidden (username is not the To user)"));
    }
    if (!uriMatchesRequest) {
      return Optional.of(
          new Outcome(Verdict.BAD_REQUEST, "Bad Request (digest uri is not the Request-URI)"));
    }
    if (nonces.check(c.nonce()) == Nonces.Status.INVALID) {
      return Optional.of(new Outcome(Verdict.CHALLENGE, "Unauthorized (unknown nonce)"));
    }
    return Optional.empty();
  }

  /** The verdict on the digest, given the user's HA1 (empty for an unknown user). */
  Outcome afterLookup(DigestCredentials c, String method, Optional<String> ha1) {
    if (ha1.isEmpty()) {
      // The same answer as a wrong password: which users exist is nobody's business.
      return new Outcome(Verdict.FORBIDDEN, "Forbidden");
    }
    String expected =
        DigestMath.response(ha1.get(), c.nonce(), c.nc(), c.cnonce(), method, c.uri());
    if (!expected.equals(c.response())) {
      return new Outcome(Verdict.FORBIDDEN, "Forbidden");
    }
    switch (nonces.check(c.nonce())) {
      case STALE:
        return new Outcome(Verdict.STALE, "Unauthorized (stale nonce)");
      case INVALID:
        return new Outcome(Verdict.CHALLENGE, "Unauthorized (unknown nonce)");
      default:
        break;
    }
    if (!counts.advance(c.nonce(), c.nonceCount())) {
      return new Outcome(Verdict.CHALLENGE, "Unauthorized (nonce count replayed)");
    }
    return new Outcome(Verdict.ACCEPTED, "OK");
  }
}
