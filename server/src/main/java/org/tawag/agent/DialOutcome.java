package org.tawag.agent;

import java.util.Optional;

/**
 * How an operator's dial ended up: answered and bridged to the operator, or not, and why. Both
 * carry the call's id (the id of its row in {@code calls}) and the {@link DialPurpose} it was
 * placed with.
 */
public sealed interface DialOutcome {
  /** The call's id. */
  String callId();

  /** The number dialled. */
  String number();

  /** What the call was about, as given to {@link AgentDesk#dial}. */
  Optional<DialPurpose> purpose();

  /** The far end answered; the operator is connected to it. */
  record Answered(String callId, String number, Optional<DialPurpose> purpose)
      implements DialOutcome {}

  /**
   * The call was not answered.
   *
   * @param cause why, one of {@link #CAUSES}: {@code busy}, {@code no_answer} (rang out, 480, 408),
   *     {@code not_found}, {@code declined}, {@code auth_failed}, {@code no_common_codec}, {@code
   *     unreachable}, {@code congestion}, {@code cancelled} (the operator gave up), {@code failed}
   *     (anything else)
   */
  record Failed(String callId, String number, Optional<DialPurpose> purpose, String cause)
      implements DialOutcome {
    public Failed {
      if (!CAUSES.contains(cause)) {
        throw new IllegalArgumentException("unknown dial failure cause: " + cause);
      }
    }
  }

  /** Every failure cause, as sent on the wire. */
  java.util.Set<String> CAUSES =
      java.util.Set.of(
          "busy",
          "no_answer",
          "not_found",
          "declined",
          "auth_failed",
          "no_common_codec",
          "unreachable",
          "congestion",
          "cancelled",
          "failed");
}
