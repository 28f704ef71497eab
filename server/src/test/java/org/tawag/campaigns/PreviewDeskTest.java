package org.tawag.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.db.Database;
import org.tawag.db.DatabaseSettings;
import org.tawag.testing.FakeClock;

/** Preview dialing on a real H2 database with a scripted operator dialer and a fake clock. */
class PreviewDeskTest {
  @TempDir Path dir;
  private Database database;
  private JdbcCampaigns store;
  private final FakeClock clock = new FakeClock(Instant.parse("2026-03-02T12:00:00Z"));
  private final List<String> dialled = new ArrayList<>();
  private final List<CompletableFuture<OperatorDialer.Result>> results = new ArrayList<>();
  private CampaignDialer dialer;
  private PreviewDesk desk;
  private long campaign;

  @BeforeEach
  void open() throws Exception {
    database = Database.open(DatabaseSettings.h2File(dir));
    store = new JdbcCampaigns(database.dataSource());
    dialer = new CampaignDialer(store, new NoLines(), clock, Runnable::run);
    OperatorDialer operators =
        (c, agent, number, customerId, contactId) -> {
          dialled.add(agent + " " + number);
          CompletableFuture<OperatorDialer.Result> r = new CompletableFuture<>();
          results.add(r);
          return r;
        };
    Map<String, Set<String>> members = Map.of("ann", Set.of("outbound"), "bea", Set.of("outbound"));
    desk = new PreviewDesk(store, dialer, operators, a -> members.getOrDefault(a, Set.of()), clock);
    CampaignDraft d = Campaigns.draft("preview");
    Campaign c =
        store.create(
            new CampaignDraft(
                d.name(),
                d.queue(),
                Campaign.Mode.PREVIEW,
                d.ratio(),
                d.trunk(),
                d.callerId(),
                d.script(),
                d.hours(),
                d.zone(),
                d.retries(),
                d.ringTimeout()),
            "sam",
            clock.instant());
    campaign = c.id();
    store.addImported(
        campaign,
        List.of(
            new NewContact("One", "+15550001", Optional.empty()),
            new NewContact("Two", "+15550002", Optional.empty())),
        clock.instant());
    store.setStatus(campaign, Campaign.Status.RUNNING, clock.instant());
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aHeldContactIsNobodyElsesUntilSkippedOrStale() throws Exception {
    PreviewDesk.Card ann = desk.next(campaign, "ann").orElseThrow();
    assertEquals("One", ann.fullName());
    assertEquals("Two", desk.next(campaign, "bea").orElseThrow().fullName());
    assertEquals(
        ann.contact().id(),
        desk.next(campaign, "ann").orElseThrow().contact().id(),
        "asking again gives ann the contact she holds");

    desk.skip(ann.contact().id(), "ann");
    PreviewDesk.Refused notHers =
        assertThrows(PreviewDesk.Refused.class, () -> desk.dial(ann.contact().id(), "ann"));
    assertEquals(409, notHers.status());

    clock.advance(Contact.HOLD.plus(Duration.ofSeconds(1)));
    PreviewDesk.Card stale = desk.next(campaign, "ann").orElseThrow();
    assertEquals("One", stale.fullName());
  }

  @Test
  void onlyMembersOfTheQueueTakeContacts() {
    PreviewDesk.Refused e =
        assertThrows(PreviewDesk.Refused.class, () -> desk.next(campaign, "carl"));
    assertEquals(403, e.status());
  }

  @Test
  void dialChecksTheRulesAgainAndRecordsTheOperatorsAttempt() throws Exception {
    PreviewDesk.Card one = desk.next(campaign, "ann").orElseThrow();
    desk.dial(one.contact().id(), "ann");
    assertEquals(List.of("ann +15550001"), dialled);
    results.get(0).complete(new OperatorDialer.Result("call-1", DialOutcome.ANSWERED));
    assertEquals("preview", dialer.call("call-1").orElseThrow().campaignName());
    JdbcCampaigns.Attempt a = store.attempts(one.contact().id()).get(0);
    assertEquals("ann", a.agent());
    assertEquals("call-1", a.callId());
    assertEquals("answered", a.result());
    dialer.wrappedUp("call-1", "ann", "agreed", "O-000001", clock.instant());
    assertEquals(Contact.State.DONE, store.contact(one.contact().id()).orElseThrow().state());

    PreviewDesk.Card two = desk.next(campaign, "ann").orElseThrow();
    store.addDoNotCall("+15550002", "sam", "letter", clock.instant());
    PreviewDesk.Refused dnc =
        assertThrows(PreviewDesk.Refused.class, () -> desk.dial(two.contact().id(), "ann"));
    assertTrue(dnc.getMessage().contains("do-not-call"), dnc.getMessage());
    assertEquals(1, dialled.size());
  }

  private static final class NoLines implements CampaignLines {
    @Override
    public CompletableFuture<Placed> dial(Campaign campaign, String number) {
      throw new AssertionError("a preview campaign never dials by itself");
    }

    @Override
    public CompletableFuture<Integer> freeOperators(String queue) {
      return CompletableFuture.completedFuture(0);
    }

    @Override
    public CompletableFuture<Integer> waitingCalls(String queue) {
      return CompletableFuture.completedFuture(0);
    }
  }
}
