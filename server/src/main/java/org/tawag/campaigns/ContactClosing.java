package org.tawag.campaigns;

import java.time.Instant;
import org.tawag.orders.Disposition;

/**
 * What an operator's disposition of a campaign call does to its contact.
 *
 * @param outcome {@code campaign_contacts.outcome} for a closed contact, or {@code null}
 * @param refusalReason the refusal reason, or {@code null}
 * @param callbackAgent the operator who promised a callback, or {@code null}
 * @param doNotCall whether the number goes on the do-not-call list
 */
public record ContactClosing(
    ContactChange change,
    String outcome,
    String refusalReason,
    String callbackAgent,
    boolean doNotCall) {

  /** The refusal reason that means "do not call me again". */
  public static final String DO_NOT_CALL = "do_not_call";

  /**
   * The closing for {@code disposition} given by {@code agent} to a call of {@code contact}:
   * agreed, refused and wrong number close it; a callback makes it due at the promised time; "no
   * answer" (nobody spoke, say a machine) counts as an unanswered dial and retries.
   */
  public static ContactClosing of(
      Campaign campaign, Contact contact, Disposition disposition, String agent, Instant now) {
    return switch (disposition.kind()) {
      case AGREED -> done("agreed", null, "agreed by the customer");
      case REFUSED -> {
        boolean dnc = DO_NOT_CALL.equals(disposition.reason());
        yield new ContactClosing(
            new ContactChange(
                dnc ? Contact.State.DNC : Contact.State.DONE,
                null,
                null,
                "refused: " + disposition.reason()),
            "refused",
            disposition.reason(),
            null,
            dnc);
      }
      case CALLBACK ->
          new ContactClosing(
              new ContactChange(
                  Contact.State.CALLBACK,
                  disposition.callbackAt(),
                  null,
                  "callback promised by " + agent + " for " + disposition.callbackAt()),
              null,
              null,
              agent,
              false);
      case NO_ANSWER ->
          new ContactClosing(
              DialRules.retryOrClose(campaign, contact.attempts(), DialOutcome.NO_ANSWER, now),
              null,
              null,
              null,
              false);
      case WRONG_NUMBER -> done("wrong_number", null, "wrong number");
      case INFORMATION_ONLY -> done("information_only", null, "information only");
    };
  }

  private static ContactClosing done(String outcome, String reason, String note) {
    return new ContactClosing(
        new ContactChange(Contact.State.DONE, null, null, note), outcome, reason, null, false);
  }
}
