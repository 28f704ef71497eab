package org.tawag.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.SocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.media.AudioCodec;
import org.tawag.testing.AgentClient;
import org.tawag.testing.CallRows;
import org.tawag.testing.HttpSession;
import org.tawag.testing.RtpProbe;
import org.tawag.testing.Sipp;
import org.tawag.testing.TawagServerExtension;
import org.tawag.testing.TawagTestServer;

/**
 * A progressive campaign end to end on loopback: a supervisor builds it over the API, SIPp behind
 * the trunk plays five customers (one answers, one is busy, one never answers, one is on the
 * do-not-call list, one lives where it is night), an operator takes the answered call on the real
 * agent socket with tones both ways, and the contacts, dial attempts with their reasons and the
 * call record land in the database.
 */
class CampaignCallIT {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String PASSWORD = "operator-pass-1";
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  @RegisterExtension
  static final TawagServerExtension server =
      new TawagServerExtension(
          """
          tawag.queues.outbound {
            strategy = longest-idle
            max-wait = 60s
            offer-timeout = 10s
            wrap-up = 30s
            members = [ { agent = dora, level = 1 } ]
          }
          """);

  @TempDir Path work;

  static TawagTestServer tawag() {
    return server.get();
  }

  static int port() {
    return tawag().server().httpPort();
  }

  @BeforeAll
  static void createUsers() throws Exception {
    HttpSession admin = HttpSession.login(port(), "admin", TawagTestServer.ADMIN_PASSWORD);
    admin.createUser("dora", PASSWORD, "operator");
    admin.createUser("sam", PASSWORD, "supervisor");
  }

  @Test
  void dialsRetriesSkipsAndBridgesTheAnsweredCustomerToTheOperator() throws Exception {
    HttpSession sam = HttpSession.login(port(), "sam", PASSWORD);
    // Calling hours of two hours around now in UTC: the customer at UTC-12 is far outside them.
    LocalTime now = LocalTime.now(ZoneOffset.UTC);
    long id =
        created(
            sam.post(
                "/api/campaigns",
                campaign("tv-upgrade")
                    .put("ratio", 3)
                    .put("hoursFrom", HH_MM.format(now.minusHours(1)))
                    .put("hoursTo", HH_MM.format(now.plusHours(1)))));
    JsonArray customers =
        new JsonArray()
            .add(customer("Ana Answers", "+15550001"))
            .add(customer("Ben Busy", "+15550002"))
            .add(customer("Cy Rings", "+15550003"))
            .add(customer("Dee Declined", "+15550004"))
            .add(customer("Eve Asleep", "+15550005").put("timeZone", "Etc/GMT+12"));
    HttpResponse<String> added =
        sam.post(
            "/api/campaigns/" + id + "/contacts", new JsonObject().put("customers", customers));
    assertEquals(200, added.statusCode(), added.body());
    assertEquals(5, new JsonObject(added.body()).getInteger("added"));
    assertEquals(
        201, sam.post("/api/dnc", new JsonObject().put("phone", "+1 555 0004")).statusCode());

    try (RtpProbe customer = new RtpProbe();
        AgentClient dora = readyOperator("dora")) {
      CompletableFuture<Sipp.Result> customersPbx =
          tawag().answerAsTrunk(work, "uas-customers.xml", customer, 5);
      assertEquals(200, sam.post("/api/campaigns/" + id + "/start", new JsonObject()).statusCode());

      JsonObject offer = dora.await("offer", WAIT);
      assertEquals("outbound", offer.getString("queue"));
      assertEquals("+15550001", offer.getString("caller"));
      String callId = offer.getString("callId");
      JsonObject pop = dora.await("screenPop", WAIT);
      assertEquals("tv-upgrade", pop.getJsonObject("campaign").getString("name"));
      assertEquals(
          "Offer the 300 Mbps plan at the old price.",
          pop.getJsonObject("campaign").getString("script"));
      assertEquals(
          "Ana Answers", pop.getJsonObject("pop").getJsonObject("customer").getString("fullName"));
      dora.send("answer", "callId", callId);
      dora.await("connected", WAIT);

      SocketAddress tawagRtp = customer.firstSource().get(10, TimeUnit.SECONDS);
      long start = System.nanoTime();
      dora.startTone(1500);
      customer.sendTone(tawagRtp, AudioCodec.PCMU, 1000, 75).get(10, TimeUnit.SECONDS);
      dora.stopTone();
      long settled = start + 400_000_000L;
      long end = System.nanoTime() - 100_000_000L;
      long[] heard = dora.toneFrames(settled, end, 1000);
      assertTrue(
          heard[1] >= 40 && heard[0] >= heard[1] * 0.8,
          "the operator hears the customer: " + heard[0] + "/" + heard[1]);
      assertTrue(customer.tonePackets(settled, end, 1500) >= 40, "the customer hears the operator");

      dora.send("hangup", "callId", callId);
      dora.await("ended", WAIT);
      dora.send("wrapup", "callId", callId, "disposition", "refused", "reason", "too_expensive");
      dora.awaitState("available", WAIT);

      Sipp.Result pbx = customersPbx.get(60, TimeUnit.SECONDS);
      assertEquals(0, pbx.exitCode(), "the customers' PBX saw 5 good calls: " + pbx.describe());

      CallRows rows = new CallRows(tawag());
      Map<String, Object> ana = contact(rows, id, "+15550001", "done");
      assertEquals("refused", ana.get("outcome"));
      assertEquals("too_expensive", ana.get("refusal_reason"));
      Map<String, Object> ben = contact(rows, id, "+15550002", "exhausted");
      assertEquals("busy", ben.get("last_result"));
      assertEquals(2, ((Number) ben.get("attempts")).intValue());
      Map<String, Object> cy = contact(rows, id, "+15550003", "exhausted");
      assertEquals("no_answer", cy.get("last_result"));
      Map<String, Object> dee = contact(rows, id, "+15550004", "dnc");
      assertEquals(0, ((Number) dee.get("attempts")).intValue());
      Map<String, Object> eve = contact(rows, id, "+15550005", "pending");
      assertEquals(0, ((Number) eve.get("attempts")).intValue());
      assertTrue(((String) eve.get("note")).contains("in Etc/GMT+12 is outside"), eve.toString());

      List<String> busyReasons =
          rows.column(
              "SELECT a.reason FROM dial_attempts a JOIN campaign_contacts k ON k.id ="
                  + " a.contact_id WHERE k.phone = ? ORDER BY a.attempt",
              "+15550002");
      assertEquals(2, busyReasons.size());
      assertTrue(busyReasons.get(0).contains("list: campaign 'tv-upgrade'"), busyReasons.get(0));
      assertTrue(busyReasons.get(0).contains("consent: not on the do-not-call list"));
      assertTrue(busyReasons.get(0).contains("attempt 1 of 2; rule: first dial"));
      assertTrue(busyReasons.get(1).contains("attempt 2 of 2; rule: retry after busy"));
      assertEquals(
          List.of("busy", "busy"),
          rows.column(
              "SELECT a.result FROM dial_attempts a JOIN campaign_contacts k ON k.id ="
                  + " a.contact_id WHERE k.phone = ? ORDER BY a.attempt",
              "+15550002"));

      Map<String, Object> call = rows.finishedCall(WAIT, callId, true);
      assertEquals("out", call.get("direction"));
      assertEquals("dora", call.get("agent"));
      assertEquals("+15550001", call.get("dialled"));
      assertEquals("refused:too_expensive", call.get("disposition"));
      assertEquals(
          callId,
          rows.one(
                  "SELECT a.call_id FROM dial_attempts a JOIN campaign_contacts k ON k.id ="
                      + " a.contact_id WHERE k.phone = ?",
                  "+15550001")
              .get("call_id"));
    }

    // The API shows the same, and a new campaign is built from the refusal.
    JsonObject page = new JsonObject(sam.get("/api/campaigns/" + id + "/contacts").body());
    assertEquals(5, page.getJsonArray("contacts").size());
    Map<String, Object> audited =
        new CallRows(tawag())
            .one(
                "SELECT * FROM audit_log WHERE action = 'campaign.contacts.read' AND subject = ?",
                "campaign:" + id);
    assertEquals("sam", audited.get("username"));
    assertEquals("5 contacts from offset 0", audited.get("detail"));
    long ben = page.getJsonArray("contacts").getJsonObject(1).getLong("id");
    JsonArray attempts =
        new JsonObject(sam.get("/api/campaigns/" + id + "/contacts/" + ben + "/attempts").body())
            .getJsonArray("attempts");
    assertEquals(2, attempts.size());
    assertEquals(486, attempts.getJsonObject(0).getInteger("sipStatus"));

    long again = created(sam.post("/api/campaigns", campaign("tv-upgrade-cheaper")));
    HttpResponse<String> refusals =
        sam.post(
            "/api/campaigns/" + again + "/contacts",
            new JsonObject()
                .put(
                    "refused",
                    new JsonObject()
                        .put("reason", "too_expensive")
                        .put("since", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString())));
    assertEquals(200, refusals.statusCode(), refusals.body());
    assertEquals(1, new JsonObject(refusals.body()).getInteger("added"), "Ana, who refused");
  }

  @Test
  void previewDialingShowsTheContactThenDialsItForTheOperator() throws Exception {
    HttpSession sam = HttpSession.login(port(), "sam", PASSWORD);
    long id =
        created(
            sam.post(
                "/api/campaigns",
                campaign("loan-preview")
                    .put("mode", "preview")
                    .put("hoursFrom", "00:00")
                    .put("hoursTo", "00:00")
                    .put("script", "Last year's borrowers: offer 12 months at 9%.")));
    JsonObject ana =
        new JsonObject()
            .put("customers", new JsonArray().add(customer("Ana Answers", "+15550001")));
    assertEquals(200, sam.post("/api/campaigns/" + id + "/contacts", ana).statusCode());
    assertEquals(200, sam.post("/api/campaigns/" + id + "/start", new JsonObject()).statusCode());
    assertEquals(
        403,
        sam.post("/api/preview/campaigns/" + id + "/next", new JsonObject()).statusCode(),
        "operators only");

    HttpSession doraHttp = HttpSession.login(port(), "dora", PASSWORD);
    JsonArray mine =
        new JsonObject(doraHttp.get("/api/preview/campaigns").body()).getJsonArray("campaigns");
    assertTrue(mine.stream().anyMatch(c -> ((JsonObject) c).getLong("id") == id), mine.encode());
    try (RtpProbe customer = new RtpProbe();
        AgentClient dora = AgentClient.connect(port(), doraHttp.cookie())) {
      dora.await("welcome", WAIT);
      dora.awaitState("not_ready", WAIT);
      HttpResponse<String> next =
          doraHttp.post("/api/preview/campaigns/" + id + "/next", new JsonObject());
      assertEquals(200, next.statusCode(), next.body());
      JsonObject card = new JsonObject(next.body());
      assertEquals("Ana Answers", card.getJsonObject("customer").getString("fullName"));
      assertEquals("+15550001", card.getJsonObject("customer").getString("phone"));
      assertEquals(
          "Last year's borrowers: offer 12 months at 9%.",
          card.getJsonObject("campaign").getString("script"));
      long contact = card.getLong("contactId");
      assertEquals(
          "dora",
          new CallRows(tawag())
              .one(
                  "SELECT username FROM audit_log WHERE action = 'campaign.preview' AND subject = ?",
                  "contact:" + contact)
              .get("username"));

      CompletableFuture<Sipp.Result> customersPbx =
          tawag().answerAsTrunk(work, "uas-customers.xml", customer, 1);
      HttpResponse<String> dial =
          doraHttp.post("/api/preview/contacts/" + contact + "/dial", new JsonObject());
      assertEquals(202, dial.statusCode(), dial.body());
      String callId = dora.await("dialing", WAIT).getString("callId");
      assertEquals(callId, dora.await("connected", WAIT).getString("callId"));
      JsonObject pop = dora.await("screenPop", WAIT);
      assertEquals("loan-preview", pop.getJsonObject("campaign").getString("name"));

      SocketAddress tawagRtp = customer.firstSource().get(10, TimeUnit.SECONDS);
      long start = System.nanoTime();
      dora.startTone(1500);
      customer.sendTone(tawagRtp, AudioCodec.PCMU, 1000, 75).get(10, TimeUnit.SECONDS);
      dora.stopTone();
      long settled = start + 400_000_000L;
      long end = System.nanoTime() - 100_000_000L;
      assertTrue(customer.tonePackets(settled, end, 1500) >= 40, "the customer hears dora");
      long[] heard = dora.toneFrames(settled, end, 1000);
      assertTrue(heard[0] >= 40, "dora hears the customer: " + heard[0] + "/" + heard[1]);

      dora.send("hangup", "callId", callId);
      dora.await("ended", WAIT);
      String at = java.time.Instant.now().plus(Duration.ofHours(2)).toString();
      dora.send("wrapup", "callId", callId, "disposition", "callback", "callbackAt", at);
      assertEquals(0, customersPbx.get(30, TimeUnit.SECONDS).exitCode());

      CallRows rows = new CallRows(tawag());
      Map<String, Object> row = contact(rows, id, "+15550001", "callback");
      assertEquals("dora", row.get("callback_agent"));
      Map<String, Object> attempt =
          rows.one("SELECT * FROM dial_attempts WHERE contact_id = ?", contact);
      assertEquals("dora", attempt.get("agent"));
      assertEquals(callId, attempt.get("call_id"));
      assertEquals("answered", attempt.get("result"));
      assertTrue(((String) attempt.get("reason")).contains("rule: first dial"));
      Map<String, Object> call = rows.finishedCall(WAIT, callId, true);
      assertEquals("out", call.get("direction"));
      assertEquals("dora", call.get("agent"));
      assertEquals(contact, ((Number) call.get("campaign_contact_id")).longValue());
      assertTrue(((String) call.get("disposition")).startsWith("callback:"));
    }
  }

  @Test
  void everyRouteChecksItsRoleAndNamesBadFields() throws Exception {
    HttpSession sam = HttpSession.login(port(), "sam", PASSWORD);
    HttpSession dora = HttpSession.login(port(), "dora", PASSWORD);
    HttpSession admin = HttpSession.login(port(), "admin", TawagTestServer.ADMIN_PASSWORD);
    long id = created(sam.post("/api/campaigns", campaign("roles")));
    JsonObject contacts =
        new JsonObject().put("customers", new JsonArray().add(customer("Fay", "+15550009")));
    assertEquals(200, sam.post("/api/campaigns/" + id + "/contacts", contacts).statusCode());
    long contact =
        new JsonObject(sam.get("/api/campaigns/" + id + "/contacts").body())
            .getJsonArray("contacts")
            .getJsonObject(0)
            .getLong("id");
    record Route(String method, String path, JsonObject body, int ok) {}
    List<Route> routes =
        List.of(
            new Route("POST", "/api/campaigns", campaign("roles-2"), 201),
            new Route("GET", "/api/campaigns", null, 200),
            new Route("GET", "/api/campaigns/" + id, null, 200),
            new Route("POST", "/api/campaigns/" + id + "/pause", new JsonObject(), 200),
            new Route("POST", "/api/campaigns/" + id + "/contacts", contacts, 200),
            new Route("GET", "/api/campaigns/" + id + "/contacts", null, 200),
            new Route(
                "GET", "/api/campaigns/" + id + "/contacts/" + contact + "/attempts", null, 200),
            new Route("GET", "/api/dnc", null, 200),
            new Route("POST", "/api/dnc", new JsonObject().put("phone", "+15550008"), 201),
            new Route("POST", "/api/campaigns/" + id + "/finish", new JsonObject(), 200));
    for (Route r : routes) {
      String what = r.method() + " " + r.path();
      assertEquals(
          401,
          HttpSession.send(port(), r.method(), r.path(), null, r.body()).statusCode(),
          "anonymous " + what);
      assertEquals(
          403,
          HttpSession.send(port(), r.method(), r.path(), dora.cookie(), r.body()).statusCode(),
          "operator " + what);
      HttpResponse<String> ok =
          HttpSession.send(port(), r.method(), r.path(), sam.cookie(), r.body());
      assertEquals(r.ok(), ok.statusCode(), "supervisor " + what + ": " + ok.body());
    }
    assertEquals(403, sam.delete("/api/dnc/+15550008").statusCode(), "admins only");
    assertEquals(204, admin.delete("/api/dnc/+15550008").statusCode());
    assertEquals(404, admin.delete("/api/dnc/+15550008").statusCode());

    HttpResponse<String> bad =
        sam.post(
            "/api/campaigns",
            campaign("")
                .put("queue", "nope")
                .put("ratio", 9)
                .put("hoursFrom", "9am")
                .put("timeZone", "Mars/Olympus"));
    assertEquals(400, bad.statusCode());
    JsonObject errors = new JsonObject(bad.body()).getJsonObject("errors");
    assertEquals(
        List.of("hoursFrom", "name", "queue", "ratio", "timeZone"),
        errors.fieldNames().stream().sorted().toList(),
        errors.encode());
    HttpResponse<String> badRow =
        sam.post(
            "/api/campaigns/" + id + "/contacts",
            new JsonObject()
                .put(
                    "customers",
                    new JsonArray().add(customer("Gus", "+15550010")).add(customer("", "12"))));
    assertEquals(400, badRow.statusCode());
    assertEquals(
        List.of("customers[1].fullName", "customers[1].phone"),
        new JsonObject(badRow.body())
            .getJsonObject("errors").fieldNames().stream().sorted().toList());
    assertEquals(
        400, sam.get("/api/campaigns/" + id + "/contacts?limit=0").statusCode(), "limit 1..500");
    assertEquals(404, sam.get("/api/campaigns/999999").statusCode());
  }

  private static JsonObject campaign(String name) {
    return new JsonObject()
        .put("name", name)
        .put("queue", "outbound")
        .put("trunk", "sipp-uas")
        .put("mode", "progressive")
        .put("script", "Offer the 300 Mbps plan at the old price.")
        .put("timeZone", "UTC")
        .put("maxAttempts", 2)
        .put("retryBusySeconds", 1)
        .put("retryNoAnswerSeconds", 1)
        .put("ringTimeoutSeconds", 2);
  }

  private static JsonObject customer(String name, String phone) {
    return new JsonObject().put("fullName", name).put("phone", phone);
  }

  private static long created(HttpResponse<String> r) {
    assertEquals(201, r.statusCode(), r.body());
    return new JsonObject(r.body()).getLong("id");
  }

  private static Map<String, Object> contact(
      CallRows rows, long campaign, String phone, String state) throws Exception {
    return rows.await(
        WAIT,
        "contact " + phone + " in state " + state,
        r -> state.equals(r.get("state")),
        "SELECT * FROM campaign_contacts WHERE campaign_id = ? AND phone = ?",
        campaign,
        phone);
  }

  private AgentClient readyOperator(String agent) throws Exception {
    AgentClient a =
        AgentClient.connect(port(), HttpSession.login(port(), agent, PASSWORD).cookie());
    a.await("welcome", WAIT);
    a.awaitState("not_ready", WAIT);
    a.send("ready");
    a.awaitState("available", WAIT);
    return a;
  }
}
