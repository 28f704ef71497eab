package org.tawag.campaigns;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The checks every dial passes, in order: the do-not-call list, the attempt count, the retry delay
 * or callback time, the calling hours in the customer's zone. Pure: the caller brings the list
 * lookup and the time, so every rule is tested without a clock or a database.
 *
 * <p>A promised callback is dialled even when the attempts are used up: the limit is for dialling
 * people who never answered, and this one asked to be called.
 */
public final class DialRules {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private DialRules() {}

  /** Whether and when {@code contact} of {@code campaign} may be dialled at {@code now}. */
  public static DialDecision decide(
      Campaign campaign, Contact contact, boolean onDoNotCallList, Instant now) {
    if (onDoNotCallList) {
      return new DialDecision.Close(Contact.State.DNC, "consent: number on the do-not-call list");
    }
    boolean callback = contact.state() == Contact.State.CALLBACK;
    int max = campaign.retries().maxAttempts();
    if (!callback && contact.attempts() >= max) {
      return new DialDecision.Close(
          Contact.State.EXHAUSTED, "attempts: all " + max + " used without a conversation");
    }
    if (contact.due().isPresent() && contact.due().get().isAfter(now)) {
      return new DialDecision.Wait(contact.due().get(), ruleFor(contact) + " not yet due");
    }
    ZoneId zone = contact.zone().orElse(campaign.zone());
    ZonedDateTime local = now.atZone(zone);
    CallingHours hours = campaign.hours();
    if (!hours.contains(local.toLocalTime())) {
      ZonedDateTime opens = hours.nextOpening(local);
      return new DialDecision.Wait(
          opens.toInstant(),
          "hours: "
              + LOCAL.format(local)
              + " in "
              + zone.getId()
              + " is outside "
              + hours
              + "; next opening "
              + LOCAL.format(opens));
    }
    String attempt =
        callback
            ? "attempt " + (contact.attempts() + 1) + " (a callback: not limited to " + max + ")"
            : "attempt " + (contact.attempts() + 1) + " of " + max;
    return new DialDecision.Dial(
        "list: campaign '"
            + campaign.name()
            + "' #"
            + campaign.id()
            + ", contact #"
            + contact.id()
            + "; consent: not on the do-not-call list; hours: "
            + LOCAL.format(local)
            + " in "
            + zone.getId()
            + " within "
            + hours
            + "; "
            + attempt
            + "; rule: "
            + ruleFor(contact));
  }

  /** The rule that makes the contact due: first dial, retry after a result, or a callback. */
  private static String ruleFor(Contact contact) {
    if (contact.state() == Contact.State.CALLBACK) {
      return "callback at " + contact.due().map(Instant::toString).orElse("once possible");
    }
    return contact
        .lastResult()
        .map(r -> "retry after " + r.code() + contact.due().map(d -> " at " + d).orElse(""))
        .orElse("first dial");
  }

  /**
   * What a dial's end does to a contact whose attempt count already includes it: an answered call
   * waits for its disposition; otherwise a retry after the result's delay, or exhausted.
   */
  public static ContactChange afterDial(
      Campaign campaign, Contact contact, DialOutcome result, Instant now) {
    if (result == DialOutcome.ANSWERED) {
      return new ContactChange(Contact.State.IN_CALL, null, result, "answered");
    }
    return retryOrClose(campaign, contact.attempts(), result, now);
  }

  /** A retry after {@code result}'s delay, or exhausted when {@code attempts} reached the max. */
  static ContactChange retryOrClose(
      Campaign campaign, int attempts, DialOutcome result, Instant now) {
    int max = campaign.retries().maxAttempts();
    if (attempts >= max) {
      return new ContactChange(
          Contact.State.EXHAUSTED,
          null,
          result,
          result.code() + " on attempt " + attempts + " of " + max + ": no attempts left");
    }
    Duration delay = campaign.retries().after(result);
    return new ContactChange(
        Contact.State.PENDING,
        now.plus(delay),
        result,
        result.code() + " on attempt " + attempts + " of " + max + ": retry after " + delay);
  }
}
