package org.tawag.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tawag.orders.Disposition;

class ContactClosingTest {
  private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
  private final Campaign campaign = Campaigns.campaign(Campaigns.draft("tv"));
  private final Contact inCall = Campaigns.contact(Contact.State.IN_CALL, 1);

  @Test
  void agreedAndRefusedCloseTheContact() {
    ContactClosing agreed = of(Disposition.of(Disposition.Kind.AGREED));
    assertEquals(Contact.State.DONE, agreed.change().state());
    assertEquals("agreed", agreed.outcome());

    ContactClosing refused = of(Disposition.refused("too_expensive"));
    assertEquals(Contact.State.DONE, refused.change().state());
    assertEquals("refused", refused.outcome());
    assertEquals("too_expensive", refused.refusalReason());
    assertFalse(refused.doNotCall());
  }

  @Test
  void doNotCallMePutsTheNumberOnTheList() {
    ContactClosing dnc = of(Disposition.refused(ContactClosing.DO_NOT_CALL));
    assertTrue(dnc.doNotCall());
    assertEquals(Contact.State.DNC, dnc.change().state());
  }

  @Test
  void aCallbackIsDueAtThePromisedTimeForThatOperator() {
    Instant at = NOW.plus(Duration.ofHours(3));
    ContactClosing cb = of(Disposition.callback(at));
    assertEquals(Contact.State.CALLBACK, cb.change().state());
    assertEquals(at, cb.change().due());
    assertEquals("alice", cb.callbackAgent());
  }

  @Test
  void nobodySpeakingCountsAsNoAnswer() {
    ContactClosing machine = of(Disposition.of(Disposition.Kind.NO_ANSWER));
    assertEquals(Contact.State.PENDING, machine.change().state());
    assertEquals(NOW.plus(Duration.ofMinutes(10)), machine.change().due());
  }

  private ContactClosing of(Disposition d) {
    return ContactClosing.of(campaign, inCall, d, "alice", NOW);
  }
}
