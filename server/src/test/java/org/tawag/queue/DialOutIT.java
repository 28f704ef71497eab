package org.tawag.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.acd.AgentState;
import org.tawag.acd.QueueStats;
import org.tawag.media.AudioCodec;
import org.tawag.testing.AgentClient;
import org.tawag.testing.CallRows;
import org.tawag.testing.HttpSession;
import org.tawag.testing.RtpProbe;
import org.tawag.testing.Sipp;
import org.tawag.testing.TawagServerExtension;
import org.tawag.testing.TawagTestServer;
import org.tawag.testing.ToneDetector;

/**
 * An operator's own call end to end: the operator sends {@code dial} on the real agent WebSocket,
 * Tawag calls a SIPp UAS over the {@code sipp-uas} trunk, tones cross both ways once it answers,
 * and the call record says {@code out}; busy, unavailable and cancelled dials come back as {@code
 * dialFailed} with the operator back in the state they had.
 */
class DialOutIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String PASSWORD = "operator-pass-1";

  @RegisterExtension
  static final TawagServerExtension server =
      new TawagServerExtension(
          """
          tawag.queues.support.wrap-up = 20s
          tawag.agents.dial-trunk = sipp-uas
          tawag.agents.dial-caller-id = "+6328001234"
          """);

  @TempDir Path work;

  private final List<AgentClient> agents = new ArrayList<>();

  static TawagTestServer tawag() {
    return server.get();
  }

  static CallRows rows() {
    return new CallRows(tawag());
  }

  @BeforeAll
  static void createOperators() throws Exception {
    HttpSession admin =
        HttpSession.login(tawag().server().httpPort(), "admin", TawagTestServer.ADMIN_PASSWORD);
    admin.createUser("alice", PASSWORD, "operator");
  }

  @AfterEach
  void logOut() throws Exception {
    for (AgentClient a : agents) {
      a.close();
    }
    assertEquals(0, tawag().server().queues().checkInvariants().get());
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (tawag().server().queues().agent("alice").get().orElseThrow().state()
        != AgentState.OFFLINE) {
      assertTrue(System.nanoTime() < deadline, "alice never went offline");
      Thread.sleep(20);
    }
  }

  @Test
  void answeredDialBridgesTheOperatorToTheNumberBothWaysAndIsRecordedOut() throws Exception {
    AgentClient alice = readyAgent();
    QueueStats before = tawag().server().queues().stats("support").get();
    try (RtpProbe far = new RtpProbe()) {
      CompletableFuture<Sipp.Result> uas = uas("uas-digest-probe.xml", far);

      alice.send("dial", "number", "+15550123", "customerId", 42, "orderId", "ord-7");
      // The operator is busy first (so no offer races the dial), then told what rings.
      assertEquals("dialling", alice.awaitState("on_call", WAIT).getString("reason"));
      JsonObject dialing = alice.await("dialing", WAIT);
      String callId = dialing.getString("callId");
      assertEquals("+15550123", dialing.getString("number"));
      JsonObject connected = alice.await("connected", WAIT);
      assertEquals(callId, connected.getString("callId"));
      assertEquals("+15550123", connected.getString("caller"));

      SocketAddress toFar;
      try {
        toFar = far.firstSource().get(10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError("no RTP to the number; its SIPp: " + describe(uas), e);
      }
      long start = System.nanoTime();
      alice.startTone(1500);
      far.sendTone(toFar, AudioCodec.PCMU, 1000, 100).get(10, TimeUnit.SECONDS);
      alice.stopTone();
      long settled = start + 400_000_000L;
      long end = System.nanoTime() - 100_000_000L;
      List<AgentClient.Frame> heard =
          alice.framesAfter(settled).stream().filter(f -> f.nanos() < end).toList();
      long tone =
          heard.stream()
              .filter(f -> ToneDetector.hasTone(f.codec(), f.payload(), 0, 160, 1000))
              .count();
      assertTrue(heard.size() >= 60, "the operator gets the number's audio: " + heard.size());
      assertTrue(tone >= heard.size() * 0.8, "number's 1 kHz in " + tone + "/" + heard.size());
      assertTrue(far.tonePackets(settled, end, 1500) >= 60, "the number hears the operator");

      alice.send("hangup", "callId", callId);
      assertEquals("agent", alice.await("ended", WAIT).getString("by"));
      alice.awaitState("wrap_up", WAIT);
      Sipp.Result r = uas.get(30, TimeUnit.SECONDS);
      assertEquals(0, r.exitCode(), "the number gets Tawag's BYE: " + r.describe());
      alice.send("wrapup", "callId", callId, "disposition", "information_only");
      alice.awaitState("available", WAIT);

      Map<String, Object> row = rows().finishedCall(WAIT, callId, true);
      assertEquals("out", row.get("direction"));
      assertEquals("+15550123", row.get("dialled"));
      assertEquals("sipp-uas", row.get("trunk"));
      assertEquals("alice", row.get("agent"));
      assertEquals("completed_by_agent", row.get("outcome"));
      assertEquals("ord-7", row.get("order_id"));
      assertEquals(42L, ((Number) row.get("customer_id")).longValue());
      assertEquals(null, row.get("campaign_contact_id"));
      assertEquals("information_only", row.get("disposition"));
      assertTrue(row.get("answered_at") != null, "answered_at");
      assertEquals(
          before, tawag().server().queues().stats("support").get(), "no inbound queue counters");
    }
  }

  @Test
  void answeredDialHasTheControlsOfAQueueCallDigitsHoldAndTransfer() throws Exception {
    AgentClient alice = readyAgent();
    try (RtpProbe far = new RtpProbe()) {
      CompletableFuture<Sipp.Result> uas = uas("uas-digest-probe.xml", far);
      alice.send("dial", "number", "5550142");
      String callId = alice.await("connected", WAIT).getString("callId");
      far.firstSource().get(10, TimeUnit.SECONDS);
      alice.startTone(1500);
      long talking = System.nanoTime() + 300_000_000L;
      await(() -> far.tonePackets(talking, System.nanoTime(), 1500) >= 20, "the operator");

      alice.send("dtmf", "callId", callId, "digits", "5");
      await(() -> far.received().stream().anyMatch(p -> p.payloadType() == 101), "RFC 4733 digit");
      long digitSent = System.nanoTime() + 300_000_000L;
      await(
          () -> far.tonePackets(digitSent, System.nanoTime(), 1500) >= 20,
          "the operator after the digit");

      alice.send("hold", "callId", callId);
      long held = System.nanoTime() + 300_000_000L;
      await(() -> far.receivedAfter(held).size() >= 40, "music on hold");
      long heldEnd = System.nanoTime();
      assertEquals(0, far.tonePackets(held, heldEnd, 1500), "on hold the number hears music only");
      alice.send("resume", "callId", callId);
      long resumed = System.nanoTime() + 300_000_000L;
      await(() -> far.tonePackets(resumed, System.nanoTime(), 1500) >= 20, "the operator again");
      alice.stopTone();

      // Transferred to a queue, the number waits there like a caller and is offered again.
      alice.send("transfer", "callId", callId, "to", new JsonObject().put("queue", "support"));
      assertEquals("transfer", alice.await("ended", WAIT).getString("by"));
      alice.send("wrapup", "callId", callId, "disposition", "information_only");
      JsonObject offer = alice.await("offer", WAIT);
      assertEquals(callId, offer.getString("callId"));
      alice.send("answer", "callId", callId);
      alice.await("connected", WAIT);
      alice.send("hangup", "callId", callId);
      alice.await("ended", WAIT);
      alice.send("wrapup", "callId", callId, "disposition", "information_only");
      alice.awaitState("available", WAIT);
      assertEquals(0, uas.get(30, TimeUnit.SECONDS).exitCode(), describe(uas));
    }
  }

  @Test
  void busyNumberGivesDialFailedAndTheOperatorIsReadyAgain() throws Exception {
    AgentClient alice = readyAgent();
    CompletableFuture<Sipp.Result> uas = uas("uas-busy.xml", null);

    alice.send("dial", "number", "5550199");
    String callId = alice.await("dialing", WAIT).getString("callId");
    JsonObject failed = alice.await("dialFailed", WAIT);
    assertEquals(callId, failed.getString("callId"));
    assertEquals("busy", failed.getString("cause"));
    assertEquals("ready", alice.awaitState("available", WAIT).getString("reason"));
    assertEquals(0, uas.get(30, TimeUnit.SECONDS).exitCode(), describe(uas));

    Map<String, Object> row = rows().finishedCall(WAIT, callId, false);
    assertEquals("out", row.get("direction"));
    assertEquals("5550199", row.get("dialled"));
    assertEquals("alice", row.get("agent"));
    assertEquals("rejected", row.get("outcome"));
    assertEquals(
        "rejected:busy",
        rows()
            .one("SELECT detail FROM call_events WHERE call_id = ? AND kind = 'ended'", callId)
            .get("detail"));
  }

  @Test
  void unavailableNumberReturnsAPausedOperatorToTheirPause() throws Exception {
    AgentClient alice = connect();
    alice.awaitState("not_ready", WAIT);
    alice.send("pause", "reason", "outbound");
    alice.await(m -> "outbound".equals(m.getString("reason")), "pause", WAIT);
    CompletableFuture<Sipp.Result> uas = uas("uas-unavailable.xml", null);

    alice.send("dial", "number", "+15550188");
    String callId = alice.await("dialing", WAIT).getString("callId");
    assertEquals("no_answer", alice.await("dialFailed", WAIT).getString("cause"));
    JsonObject back = alice.awaitState("not_ready", WAIT);
    assertEquals("outbound", back.getString("reason"));
    assertEquals(0, uas.get(30, TimeUnit.SECONDS).exitCode(), describe(uas));
    assertEquals("timed_out", rows().finishedCall(WAIT, callId, false).get("outcome"));
  }

  @Test
  void operatorCancelsARingingDial() throws Exception {
    AgentClient alice = readyAgent();
    CompletableFuture<Sipp.Result> uas = uas("uas-ring-forever.xml", null);

    alice.send("dial", "number", "5550177");
    String callId = alice.await("dialing", WAIT).getString("callId");
    // CANCEL needs a provisional response first (RFC 3261 §9.1); Tawag waits for the 180 itself.
    alice.send("cancelDial");
    assertEquals("cancelled", alice.await("dialFailed", WAIT).getString("cause"));
    alice.awaitState("available", WAIT);
    assertEquals(0, uas.get(30, TimeUnit.SECONDS).exitCode(), describe(uas));
    assertEquals("abandoned", rows().finishedCall(WAIT, callId, false).get("outcome"));
  }

  @Test
  void badNumberIsRefusedNamingTheFieldAndNothingIsDialled() throws Exception {
    AgentClient alice = readyAgent();

    alice.send("dial", "number", "call me");
    JsonObject error = alice.await("error", WAIT);
    assertEquals("bad_field", error.getString("code"));
    assertEquals("number", error.getString("field"));
    alice.send("dial", "number", "+15550123", "customerId", "x");
    assertEquals("customerId", alice.await("error", WAIT).getString("field"));

    assertEquals(
        AgentState.AVAILABLE, tawag().server().queues().agent("alice").get().get().state());
  }

  // ---- helpers ----

  private AgentClient connect() throws Exception {
    int port = tawag().server().httpPort();
    AgentClient a = AgentClient.connect(port, HttpSession.login(port, "alice", PASSWORD).cookie());
    agents.add(a);
    a.await("welcome", WAIT);
    return a;
  }

  private AgentClient readyAgent() throws Exception {
    AgentClient a = connect();
    a.awaitState("not_ready", WAIT);
    a.send("ready");
    a.awaitState("available", WAIT);
    return a;
  }

  private CompletableFuture<Sipp.Result> uas(String scenario, RtpProbe media) {
    return tawag().answerAsTrunk(work, scenario, media);
  }

  private static void await(java.util.function.BooleanSupplier done, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!done.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "no " + what + " within " + WAIT);
      Thread.sleep(20);
    }
  }

  private static String describe(CompletableFuture<Sipp.Result> uas) {
    try {
      return uas.get(40, TimeUnit.SECONDS).describe();
    } catch (Exception e) {
      return "SIPp did not finish: " + e;
    }
  }
}
