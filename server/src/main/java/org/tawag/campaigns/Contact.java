package org.tawag.campaigns;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * One customer in one campaign, as the dialer sees it.
 *
 * @param phone the customer's number in E.164 (personal data: never logged)
 * @param zone the customer's time zone, or empty for the campaign's
 * @param attempts dials placed so far
 * @param due when it may next be dialled (a retry delay or a callback), or empty for at once
 * @param lastResult how the last dial ended, or empty before the first
 * @param callbackAgent the operator who promised the callback, or empty
 * @param hold the operator previewing it and since when, or empty
 */
public record Contact(
    long id,
    long campaignId,
    long customerId,
    String phone,
    Optional<ZoneId> zone,
    State state,
    int attempts,
    Optional<Instant> due,
    Optional<DialOutcome> lastResult,
    Optional<String> callbackAgent,
    Optional<Hold> hold) {

  /** How long an operator may hold a previewed contact before others may take it. */
  public static final java.time.Duration HOLD = java.time.Duration.ofMinutes(10);

  /** An operator previewing the contact. */
  public record Hold(String agent, Instant since) {}

  /** The contact as it is while its next dial rings: one more attempt, no hold, not due. */
  public Contact dialled() {
    return new Contact(
        id,
        campaignId,
        customerId,
        phone,
        zone,
        State.DIALING,
        attempts + 1,
        Optional.empty(),
        lastResult,
        callbackAgent,
        Optional.empty());
  }

  /** Whether someone other than {@code agent} holds it at {@code now}. */
  public boolean heldByOther(String agent, Instant now) {
    return hold.isPresent()
        && !hold.get().agent().equals(agent)
        && hold.get().since().plus(HOLD).isAfter(now);
  }

  /** Where a contact is; {@code campaign_contacts.state}. */
  public enum State {
    /** Waiting for its turn (at {@code due}, or at once). */
    PENDING,
    /** A dial is ringing. */
    DIALING,
    /** Answered and with an operator (or waiting for one) until the disposition comes. */
    IN_CALL,
    /** The customer asked to be called back at {@code due}. */
    CALLBACK,
    /** Closed by a disposition. */
    DONE,
    /** Every attempt was used without a conversation. */
    EXHAUSTED,
    /** On the do-not-call list. */
    DNC;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static State fromCode(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Whether the dialer may still pick it. */
    public boolean open() {
      return this == PENDING || this == CALLBACK;
    }
  }
}
