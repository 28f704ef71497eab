package org.tawag.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DialRulesTest {
  private static final Instant NOON_UTC = Instant.parse("2026-03-02T12:00:00Z");
  private final Campaign campaign = Campaigns.campaign(Campaigns.draft("loans"));

  @Test
  void aFreshContactInHoursIsDialledWithEveryReason() {
    DialDecision d =
        DialRules.decide(campaign, Campaigns.contact(Contact.State.PENDING, 0), false, NOON_UTC);
    DialDecision.Dial dial = assertInstanceOf(DialDecision.Dial.class, d);
    assertEquals(
        "list: campaign 'loans' #7, contact #11; consent: not on the do-not-call list; hours:"
            + " 2026-03-02 12:00 in UTC within 09:00-20:00; attempt 1 of 3; rule: first dial",
        dial.reason());
  }

  @Test
  void theDoNotCallListWinsOverEverything() {
    DialDecision d =
        DialRules.decide(campaign, Campaigns.contact(Contact.State.CALLBACK, 0), true, NOON_UTC);
    assertEquals(Contact.State.DNC, assertInstanceOf(DialDecision.Close.class, d).state());
  }

  @Test
  void usedUpAttemptsCloseTheContactButNotAPromisedCallback() {
    DialDecision spent =
        DialRules.decide(campaign, Campaigns.contact(Contact.State.PENDING, 3), false, NOON_UTC);
    assertEquals(
        Contact.State.EXHAUSTED, assertInstanceOf(DialDecision.Close.class, spent).state());

    DialDecision callback =
        DialRules.decide(campaign, Campaigns.contact(Contact.State.CALLBACK, 3), false, NOON_UTC);
    assertTrue(
        assertInstanceOf(DialDecision.Dial.class, callback)
            .reason()
            .contains("attempt 4 (a callback: not limited to 3)"));
  }

  @Test
  void aRetryWaitsForItsDelay() {
    Contact busy = retry(DialOutcome.BUSY, NOON_UTC.plusSeconds(60));
    DialDecision early = DialRules.decide(campaign, busy, false, NOON_UTC);
    assertEquals(
        NOON_UTC.plusSeconds(60), assertInstanceOf(DialDecision.Wait.class, early).until());

    DialDecision due = DialRules.decide(campaign, busy, false, NOON_UTC.plusSeconds(60));
    assertTrue(
        assertInstanceOf(DialDecision.Dial.class, due)
            .reason()
            .endsWith("attempt 2 of 3; rule: retry after busy at 2026-03-02T12:01:00Z"));
  }

  @Test
  void callingHoursAreTheCustomersOwn() {
    // Noon UTC is 20:00 in Manila: the window (09:00-20:00) has just closed there.
    Contact manila = inZone("Asia/Manila");
    DialDecision d = DialRules.decide(campaign, manila, false, NOON_UTC);
    DialDecision.Wait w = assertInstanceOf(DialDecision.Wait.class, d);
    assertEquals(Instant.parse("2026-03-03T01:00:00Z"), w.until(), "09:00 next day in Manila");
    assertEquals(
        "hours: 2026-03-02 20:00 in Asia/Manila is outside 09:00-20:00; next opening 2026-03-03"
            + " 09:00",
        w.reason());

    // The same instant is 07:00 in New York: before opening, which is today at 09:00 there.
    DialDecision ny = DialRules.decide(campaign, inZone("America/New_York"), false, NOON_UTC);
    assertEquals(
        Instant.parse("2026-03-02T14:00:00Z"),
        assertInstanceOf(DialDecision.Wait.class, ny).until());
  }

  @Test
  void aWindowOverMidnightWraps() {
    CallingHours night = new CallingHours(LocalTime.of(20, 0), LocalTime.of(2, 0));
    assertTrue(night.contains(LocalTime.of(23, 30)));
    assertTrue(night.contains(LocalTime.of(1, 59)));
    assertTrue(!night.contains(LocalTime.of(2, 0)));
    assertTrue(!night.contains(LocalTime.of(12, 0)));
    assertTrue(new CallingHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT).contains(LocalTime.NOON));
  }

  @Test
  void aFailedDialRetriesAfterItsResultsDelayUntilTheAttemptsRunOut() {
    ContactChange busy =
        DialRules.afterDial(
            campaign, Campaigns.contact(Contact.State.DIALING, 1), DialOutcome.BUSY, NOON_UTC);
    assertEquals(Contact.State.PENDING, busy.state());
    assertEquals(NOON_UTC.plus(Duration.ofMinutes(5)), busy.due());
    assertEquals("busy on attempt 1 of 3: retry after PT5M", busy.note());

    ContactChange noAnswer =
        DialRules.afterDial(
            campaign, Campaigns.contact(Contact.State.DIALING, 2), DialOutcome.NO_ANSWER, NOON_UTC);
    assertEquals(NOON_UTC.plus(Duration.ofMinutes(10)), noAnswer.due());

    ContactChange last =
        DialRules.afterDial(
            campaign, Campaigns.contact(Contact.State.DIALING, 3), DialOutcome.FAILED, NOON_UTC);
    assertEquals(Contact.State.EXHAUSTED, last.state());
    assertNull(last.due());

    ContactChange answered =
        DialRules.afterDial(
            campaign, Campaigns.contact(Contact.State.DIALING, 3), DialOutcome.ANSWERED, NOON_UTC);
    assertEquals(Contact.State.IN_CALL, answered.state());
  }

  private static Contact retry(DialOutcome last, Instant due) {
    Contact c = Campaigns.contact(Contact.State.PENDING, 1);
    return new Contact(
        c.id(),
        c.campaignId(),
        c.customerId(),
        c.phone(),
        c.zone(),
        c.state(),
        c.attempts(),
        Optional.of(due),
        Optional.of(last),
        Optional.empty(),
        Optional.empty());
  }

  private static Contact inZone(String zone) {
    Contact c = Campaigns.contact(Contact.State.PENDING, 0);
    return new Contact(
        c.id(),
        c.campaignId(),
        c.customerId(),
        c.phone(),
        Optional.of(ZoneId.of(zone)),
        c.state(),
        0,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
