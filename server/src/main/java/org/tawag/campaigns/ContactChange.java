package org.tawag.campaigns;

import java.time.Instant;

/**
 * A contact's next state after a dial or a disposition.
 *
 * @param due when it becomes due again, or {@code null}
 * @param lastResult the dial result to store, or {@code null} to keep the stored one
 * @param note why, stored on the contact
 */
public record ContactChange(
    Contact.State state, Instant due, DialOutcome lastResult, String note) {}
