package org.tawag.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.testing.AgentClient;
import org.tawag.testing.CallRows;
import org.tawag.testing.HttpSession;
import org.tawag.testing.RtpProbe;
import org.tawag.testing.ShiftedClock;
import org.tawag.testing.Sipp;
import org.tawag.testing.TawagServerExtension;
import org.tawag.testing.TawagTestServer;

/**
 * Calling hours on a server whose clock the test sets: at 08:59 the campaign holds its contact back
 * until the 09:00 opening and places no call; once the clock reads 09:00 the contact is dialled
 * over the trunk (SIPp answers busy), and the stored reason says the hours allowed it.
 */
class CampaignHoursIT {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String PASSWORD = "operator-pass-1";
  private static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).plusDays(1);
  private static final ShiftedClock CLOCK =
      new ShiftedClock(DAY.atTime(8, 59).toInstant(ZoneOffset.UTC));

  @RegisterExtension
  static final TawagServerExtension server =
      new TawagServerExtension(
          """
          tawag.queues.outbound {
            strategy = longest-idle
            members = [ { agent = ed, level = 1 } ]
          }
          """,
          CLOCK);

  @TempDir Path work;

  @Test
  void theDialerWaitsForTheOpeningThenDials() throws Exception {
    TawagTestServer tawag = server.get();
    int port = tawag.server().httpPort();
    HttpSession admin = HttpSession.login(port, "admin", TawagTestServer.ADMIN_PASSWORD);
    admin.createUser("ed", PASSWORD, "operator");
    HttpResponse<String> created =
        admin.post(
            "/api/campaigns",
            new JsonObject()
                .put("name", "morning")
                .put("queue", "outbound")
                .put("trunk", "sipp-uas")
                .put("hoursFrom", "09:00")
                .put("hoursTo", "20:00")
                .put("timeZone", "UTC")
                .put("maxAttempts", 1));
    assertEquals(201, created.statusCode(), created.body());
    long id = new JsonObject(created.body()).getLong("id");
    JsonObject ben =
        new JsonObject()
            .put(
                "customers",
                new JsonArray()
                    .add(new JsonObject().put("fullName", "Ben Busy").put("phone", "+15550002")));
    assertEquals(200, admin.post("/api/campaigns/" + id + "/contacts", ben).statusCode());

    try (RtpProbe customer = new RtpProbe();
        AgentClient ed =
            AgentClient.connect(port, HttpSession.login(port, "ed", PASSWORD).cookie())) {
      ed.await("welcome", WAIT);
      ed.awaitState("not_ready", WAIT);
      ed.send("ready");
      ed.awaitState("available", WAIT);
      assertEquals(
          200, admin.post("/api/campaigns/" + id + "/start", new JsonObject()).statusCode());

      CallRows rows = new CallRows(tawag);
      Map<String, Object> held =
          rows.await(
              WAIT,
              "the contact held back by the hours",
              r -> r.get("note") != null,
              "SELECT * FROM campaign_contacts WHERE campaign_id = ?",
              id);
      assertTrue(
          ((String) held.get("note")).startsWith("hours: " + DAY + " 08:59 in UTC is outside"),
          held.toString());
      assertEquals(0, ((Number) held.get("attempts")).intValue());
      assertEquals(
          DAY.atTime(9, 0).toInstant(ZoneOffset.UTC),
          ((java.time.OffsetDateTime) held.get("next_attempt_at")).toInstant());
      assertEquals(null, rows.one("SELECT * FROM dial_attempts WHERE campaign_id = ?", id));

      CompletableFuture<Sipp.Result> pbx =
          tawag.answerAsTrunk(work, "uas-customers.xml", customer, 1);
      CLOCK.jumpTo(DAY.atTime(9, 0, 1).toInstant(ZoneOffset.UTC));
      Map<String, Object> attempt =
          rows.await(
              WAIT,
              "the 09:00 dial's result",
              r -> "busy".equals(r.get("result")),
              "SELECT * FROM dial_attempts WHERE campaign_id = ?",
              id);
      assertTrue(
          ((String) attempt.get("reason")).contains("hours: " + DAY + " 09:00 in UTC within"),
          attempt.toString());
      assertTrue(
          ((java.time.OffsetDateTime) attempt.get("at"))
              .toInstant()
              .isAfter(DAY.atTime(9, 0).toInstant(ZoneOffset.UTC).minusMillis(1)));
      assertEquals(0, pbx.get(60, TimeUnit.SECONDS).exitCode());
      assertEquals(
          "exhausted",
          rows.await(
                  WAIT,
                  "the contact exhausted after its one attempt",
                  r -> "exhausted".equals(r.get("state")),
                  "SELECT * FROM campaign_contacts WHERE campaign_id = ?",
                  id)
              .get("state"));
    }
  }
}
