package org.tawag.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.db.Database;
import org.tawag.db.DatabaseSettings;
import org.tawag.sip.DialResult;
import org.tawag.testing.FakeClock;

/**
 * The dialer on a real database with scripted lines and a fake clock: how many it dials per free
 * operator, retries after each result's delay, the attempt limit, the do-not-call list, calling
 * hours and what dispositions do. This runs on H2; {@link CampaignDialerPostgresTest} on
 * PostgreSQL.
 */
class CampaignDialerTest {
  @TempDir Path dir;
  private Database database;
  private JdbcCampaigns store;
  private final FakeClock clock = new FakeClock(Instant.parse("2026-03-02T12:00:00Z"));
  private final ScriptedLines lines = new ScriptedLines();
  private CampaignDialer dialer;

  /** The database to test on, migrated; H2 in {@code dir} here. */
  Database openDatabase(Path dir) throws Exception {
    return Database.open(DatabaseSettings.h2File(dir));
  }

  @BeforeEach
  void open() throws Exception {
    database = openDatabase(dir);
    store = new JdbcCampaigns(database.dataSource());
    dialer = new CampaignDialer(store, lines, clock, Runnable::run);
  }

  @AfterEach
  void close() throws Exception {
    database.close();
    closed();
  }

  /** After the database closed: a subclass drops what it made. */
  void closed() throws Exception {}

  @Test
  void dialsRatioTimesTheFreeOperatorsLessWhatIsRingingOrWaiting() throws Exception {
    Campaign c = running(Campaigns.draft("ratio"), 2.0, 5);
    lines.free = 1;
    dialer.tick();
    assertEquals(2, lines.dials.size(), "ratio 2 for one free operator");
    dialer.tick();
    assertEquals(2, lines.dials.size(), "two are still ringing");

    lines.dials.get(0).result.complete(new DialResult.Failed(DialResult.Cause.BUSY, 486, "Busy"));
    dialer.tick();
    assertEquals(3, lines.dials.size(), "a slot freed by the busy dial");

    lines.waiting = 1;
    lines.dials.get(1).result.complete(new DialResult.Failed(DialResult.Cause.BUSY, 486, "Busy"));
    dialer.tick();
    assertEquals(3, lines.dials.size(), "an answered call waiting for the operator fills a slot");
    assertEquals(
        List.of("+15550001", "+15550002", "+15550003"),
        lines.dials.stream().map(d -> d.number).toList());
    assertEquals(c.id(), lines.dials.get(0).campaign.id());
  }

  @Test
  void retriesAfterEachResultsDelayAndStopsAtTheLimit() throws Exception {
    Campaign c = running(Campaigns.draft("retry"), 1.0, 1);
    lines.free = 1;
    for (int attempt = 1; attempt <= 3; attempt++) {
      dialer.tick();
      assertEquals(attempt, lines.dials.size(), "attempt " + attempt + " placed");
      lines.last().result.complete(new DialResult.Failed(DialResult.Cause.BUSY, 486, "Busy"));
      dialer.tick();
      assertEquals(attempt, lines.dials.size(), "no redial before the busy delay");
      clock.advance(Duration.ofMinutes(5));
    }
    dialer.tick();
    assertEquals(3, lines.dials.size(), "three attempts at most");
    Contact k = only(c);
    assertEquals(Contact.State.EXHAUSTED, k.state());
    List<JdbcCampaigns.Attempt> attempts = store.attempts(k.id());
    assertEquals(List.of("busy", "busy", "busy"), attempts.stream().map(a -> a.result()).toList());
    assertEquals(486, attempts.get(0).sipStatus());
    assertTrue(attempts.get(1).reason().contains("attempt 2 of 3; rule: retry after busy"));
  }

  @Test
  void neverDialsANumberOnTheDoNotCallList() throws Exception {
    Campaign c = running(Campaigns.draft("dnc"), 1.0, 1);
    store.addDoNotCall("+15550001", "sam", "asked by letter", clock.instant());
    lines.free = 1;
    dialer.tick();
    assertEquals(0, lines.dials.size());
    Contact k = only(c);
    assertEquals(Contact.State.DNC, k.state());
    assertEquals(0, store.attempts(k.id()).size());
  }

  @Test
  void waitsForCallingHoursInTheCustomersZone() throws Exception {
    Campaign c = store.create(Campaigns.draft("hours"), "sam", clock.instant());
    store.addImported(
        c.id(),
        List.of(new NewContact("Maria", "+639171234567", Optional.of(ZoneId.of("Asia/Manila")))),
        clock.instant());
    store.setStatus(c.id(), Campaign.Status.RUNNING, clock.instant());
    lines.free = 1;
    dialer.tick();
    assertEquals(0, lines.dials.size(), "20:00 in Manila is after hours");
    clock.set(Instant.parse("2026-03-03T00:59:00Z"));
    dialer.tick();
    assertEquals(0, lines.dials.size(), "08:59 in Manila");
    clock.set(Instant.parse("2026-03-03T01:00:00Z"));
    dialer.tick();
    assertEquals(1, lines.dials.size(), "09:00 in Manila");
  }

  @Test
  void theOperatorsDispositionClosesTheContact() throws Exception {
    Campaign c = running(Campaigns.draft("dispo"), 1.0, 2);
    lines.free = 1;
    dialer.tick();
    lines.free = 0;
    Dial first = lines.dials.get(0);
    first.result.complete(new DialResult.Answered());
    assertEquals("dispo", dialer.call(first.callId).orElseThrow().campaignName());
    dialer.wrappedUp(first.callId, "alice", "refused:do_not_call", null, clock.instant());
    assertTrue(dialer.call(first.callId).isEmpty());
    assertTrue(store.onDoNotCallList("+15550001"));

    lines.free = 1;
    dialer.tick();
    Dial second = lines.dials.get(1);
    second.result.complete(new DialResult.Answered());
    Instant at = clock.instant().plus(Duration.ofHours(2));
    dialer.wrappedUp(second.callId, "bob", "callback:" + at, null, clock.instant());
    Contact cb = store.contact(second.contactId(store)).orElseThrow();
    assertEquals(Contact.State.CALLBACK, cb.state());
    assertEquals(Optional.of(at), cb.due());
    assertEquals(Optional.of("bob"), cb.callbackAgent());

    clock.advance(Duration.ofHours(2));
    dialer.tick();
    assertEquals(3, lines.dials.size(), "the callback is dialled when due");
    assertEquals("+15550002", lines.last().number);
    assertEquals(c.id(), lines.last().campaign.id());
  }

  @Test
  void aCustomerWhoHangsUpBeforeAnOperatorIsTriedAgain() throws Exception {
    Campaign c = running(Campaigns.draft("drop"), 1.0, 1);
    lines.free = 1;
    dialer.tick();
    Dial d = lines.dials.get(0);
    d.result.complete(new DialResult.Answered());
    dialer.abandoned(d.callId, "outbound", Duration.ofSeconds(4), clock.instant());
    Contact k = only(c);
    assertEquals(Contact.State.PENDING, k.state());
    assertEquals(Optional.of(clock.instant().plus(Duration.ofMinutes(10))), k.due());
  }

  private Campaign running(CampaignDraft draft, double ratio, int contacts) throws SQLException {
    CampaignDraft d =
        new CampaignDraft(
            draft.name(),
            draft.queue(),
            draft.mode(),
            java.math.BigDecimal.valueOf(ratio),
            draft.trunk(),
            draft.callerId(),
            draft.script(),
            draft.hours(),
            draft.zone(),
            draft.retries(),
            draft.ringTimeout());
    Campaign c = store.create(d, "sam", clock.instant());
    List<NewContact> list = new ArrayList<>();
    for (int i = 1; i <= contacts; i++) {
      list.add(new NewContact("Customer " + i, "+1555000" + i, Optional.empty()));
    }
    store.addImported(c.id(), list, clock.instant());
    store.setStatus(c.id(), Campaign.Status.RUNNING, clock.instant());
    return store.find(c.id()).orElseThrow();
  }

  private Contact only(Campaign c) throws SQLException {
    List<JdbcCampaigns.ContactRow> rows = store.contactRows(c.id(), 10, 0);
    assertEquals(1, rows.size());
    return store.contact(rows.get(0).id()).orElseThrow();
  }

  private static final class Dial {
    final Campaign campaign;
    final String number;
    final String callId;
    final CompletableFuture<DialResult> result = new CompletableFuture<>();

    Dial(Campaign campaign, String number, String callId) {
      this.campaign = campaign;
      this.number = number;
      this.callId = callId;
    }

    long contactId(JdbcCampaigns store) throws SQLException {
      return store.contactOfCall(callId).orElseThrow().id();
    }
  }

  private static final class ScriptedLines implements CampaignLines {
    final List<Dial> dials = new ArrayList<>();
    int free;
    int waiting;

    Dial last() {
      return dials.get(dials.size() - 1);
    }

    @Override
    public CompletableFuture<Placed> dial(Campaign campaign, String number) {
      Dial d = new Dial(campaign, number, "call-" + (dials.size() + 1));
      dials.add(d);
      return CompletableFuture.completedFuture(new Placed(d.callId, d.result));
    }

    @Override
    public CompletableFuture<Integer> freeOperators(String queue) {
      return CompletableFuture.completedFuture(free);
    }

    @Override
    public CompletableFuture<Integer> waitingCalls(String queue) {
      return CompletableFuture.completedFuture(waiting);
    }
  }
}
