package org.tawag.campaigns;

import java.time.Instant;

/** What the rules say about dialling a contact now; each carries its reason for the record. */
public sealed interface DialDecision {
  /** Why, in words stored with the attempt or on the contact. */
  String reason();

  /** Dial now. */
  record Dial(String reason) implements DialDecision {}

  /** Not before {@code until}: a retry delay, a callback time or calling hours. */
  record Wait(Instant until, String reason) implements DialDecision {}

  /** Never again: the contact goes to {@code state} (DNC or EXHAUSTED). */
  record Close(Contact.State state, String reason) implements DialDecision {}
}
