package org.tawag.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.SocketAddress;
import java.nio.file.Files;
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
 * A trunk call through the ACD end to end: SIPp calls the support queue, test operators log in over
 * HTTP and take the call on the real agent WebSocket, tones cross both ways and are detected on the
 * other side, and the call record with its queue events lands in the database.
 */
class QueueCallIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String PASSWORD = "operator-pass-1";

  @RegisterExtension
  static final TawagServerExtension server =
      new TawagServerExtension(
          """
          tawag.queues.support.offer-timeout = 2s
          tawag.queues.support.wrap-up = 20s
          tawag.agents.reconnect-window = 3s
          tawag.agents.transfer-trunk = sipp-uas
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
    admin.createUser("bob", PASSWORD, "operator");
  }

  @AfterEach
  void logOut() throws Exception {
    for (AgentClient a : agents) {
      a.close();
    }
    // Real flows never leave the engine in a state its invariant check has to repair.
    assertEquals(0, tawag().server().queues().checkInvariants().get());
    assertEquals(0L, tawag().server().queues().invariantRepairs().get());
    // The next test starts with everyone logged out.
    long deadline = System.nanoTime() + WAIT.toNanos();
    for (String agent : List.of("alice", "bob")) {
      while (tawag().server().queues().agent(agent).get().orElseThrow().state()
          != AgentState.OFFLINE) {
        assertTrue(System.nanoTime() < deadline, agent + " never went offline");
        Thread.sleep(20);
      }
    }
  }

  @Test
  void operatorAnswersAndTonesCrossBothWaysThenCallerHangsUp() throws Exception {
    AgentClient alice = readyAgent("alice");
    try (RtpProbe caller = new RtpProbe()) {
      CompletableFuture<Sipp.Result> sipp = call(caller, "uac-echo.xml", 7000);

      JsonObject offer = alice.await("offer", WAIT);
      assertEquals("support", offer.getString("queue"));
      assertEquals("+15550100", offer.getString("caller"));
      String callId = offer.getString("callId");
      JsonObject pop = alice.await("screenPop", WAIT);
      assertEquals(callId, pop.getString("callId"));
      alice.send("answer", "callId", callId);
      alice.await("connected", WAIT);

      SocketAddress tawagRtp = caller.firstSource().get(10, TimeUnit.SECONDS);
      long start = System.nanoTime();
      alice.startTone(1500);
      caller.sendTone(tawagRtp, AudioCodec.PCMU, 1000, 100).get(10, TimeUnit.SECONDS);
      alice.stopTone();
      long settled = start + 400_000_000L;
      long end = System.nanoTime() - 100_000_000L;

      List<AgentClient.Frame> heard =
          alice.framesAfter(settled).stream().filter(f -> f.nanos() < end).toList();
      assertTrue(heard.size() >= 60, "the operator gets the caller's audio: " + heard.size());
      long tone = heard.stream().filter(f -> hasTone(f.codec(), f.payload(), 1000)).count();
      assertTrue(tone >= heard.size() * 0.8, "caller's 1 kHz in " + tone + "/" + heard.size());

      List<RtpProbe.Packet> back =
          caller.receivedAfter(settled).stream().filter(p -> p.nanos() < end).toList();
      long agentTone =
          back.stream()
              .filter(p -> p.payload().length >= 160)
              .filter(p -> hasTone(AudioCodec.PCMU, p.payload(), 1500))
              .count();
      assertTrue(back.size() >= 60, "the caller gets RTP: " + back.size());
      assertTrue(
          agentTone >= back.size() * 0.8,
          "operator's 1.5 kHz in " + agentTone + "/" + back.size() + " caller packets");

      // SIPp hangs up after its pause: the operator is told, wraps up, and is free again.
      JsonObject ended = alice.await("ended", Duration.ofSeconds(15));
      assertEquals("caller", ended.getString("by"));
      alice.awaitState("wrap_up", WAIT);

      // The order form: a bad field comes back named, then a good order saves.
      JsonObject order =
          new JsonObject()
              .put("fullName", "Maria Santos")
              .put("phone", "not a phone")
              .put("serviceType", "internet")
              .put(
                  "address",
                  new JsonObject()
                      .put("city", "Quezon City")
                      .put("street", "Mabini St")
                      .put("house", "12"));
      alice.send("saveOrder", "callId", callId, "order", order);
      JsonObject invalid = alice.await("error", WAIT);
      assertEquals("invalid", invalid.getString("code"));
      assertEquals("saveOrder", invalid.getString("request"), "the error names the request");
      assertTrue(invalid.getJsonObject("errors").containsKey("phone"), invalid.encode());
      alice.send("saveOrder", "callId", callId, "order", order.put("phone", "+15550100"));
      String orderId = alice.await("orderSaved", WAIT).getJsonObject("order").getString("id");

      // Agreed needs the order; then the operator is free again.
      alice.send("wrapup", "callId", callId, "disposition", "agreed");
      JsonObject refused = alice.await("error", WAIT);
      assertEquals("invalid", refused.getString("code"));
      assertEquals("wrapup", refused.getString("request"));
      alice.send("wrapup", "callId", callId, "disposition", "agreed", "orderId", orderId);
      alice.awaitState("available", WAIT);
      assertEquals(0, sipp.get(30, TimeUnit.SECONDS).exitCode());

      Map<String, Object> row = rows().finishedCall(WAIT, callId, true);
      assertEquals("support", row.get("queue"));
      assertEquals("alice", row.get("agent"));
      assertEquals("completed_by_caller", row.get("outcome"));
      assertEquals("agreed", row.get("disposition"));
      assertEquals(orderId, row.get("order_id"));
      assertEquals("+15550100", row.get("caller"));
      assertEquals("800", row.get("dialled"));
      assertNotNull(row.get("answered_at"));
      assertTrue(((Number) row.get("talk_ms")).longValue() >= 2000, "talk time " + row);
      assertEquals(
          List.of("entered", "offered", "answered", "ended"),
          rows().eventKinds(callId),
          "queue events");
      assertTrue(
          agentStates("alice").containsAll(List.of("not_ready", "available", "on_call", "wrap_up")),
          "alice's state changes are stored: " + agentStates("alice"));
    }
  }

  @Test
  void operatorHangsUpAndTheCallerGetsBye() throws Exception {
    AgentClient alice = readyAgent("alice");
    CompletableFuture<Sipp.Result> sipp =
        CompletableFuture.supplyAsync(() -> sipp("uac-server-hangs-up.xml", List.of()));
    JsonObject offer = alice.await("offer", WAIT);
    String callId = offer.getString("callId");
    alice.send("answer", "callId", callId);
    alice.await("connected", WAIT);
    alice.send("hangup", "callId", callId);
    assertEquals("agent", alice.await("ended", WAIT).getString("by"));
    Sipp.Result r = sipp.get(30, TimeUnit.SECONDS);
    assertEquals(0, r.exitCode(), r.describe());
    alice.send("wrapup", "callId", callId, "disposition", "refused", "reason", "bad_time");

    Map<String, Object> row = rows().finishedCall(WAIT, callId, true);
    assertEquals("completed_by_agent", row.get("outcome"));
    assertEquals("refused:bad_time", row.get("disposition"));
  }

  @Test
  void noAnswerGoesToTheNextOperatorAndPausesTheFirst() throws Exception {
    AgentClient alice = readyAgent("alice");
    Thread.sleep(50); // alice idle longest: she is offered first
    AgentClient bob = readyAgent("bob");
    CompletableFuture<Sipp.Result> sipp =
        CompletableFuture.supplyAsync(() -> sipp("uac-server-hangs-up.xml", List.of()));

    String callId = alice.await("offer", WAIT).getString("callId");
    // alice lets it ring out (2 s offer timeout).
    assertEquals(callId, alice.await("offerCancelled", WAIT).getString("callId"));
    JsonObject paused = alice.awaitState("not_ready", WAIT);
    assertEquals("no answer", paused.getString("reason"));

    assertEquals(callId, bob.await("offer", WAIT).getString("callId"));
    bob.send("answer", "callId", callId);
    bob.await("connected", WAIT);
    bob.send("hangup", "callId", callId);
    assertEquals(0, sipp.get(30, TimeUnit.SECONDS).exitCode());

    Map<String, Object> row = rows().finishedCall(WAIT, callId, false);
    assertEquals("bob", row.get("agent"));
    assertEquals(
        List.of("entered", "offered", "no_answer", "offered", "answered", "ended"),
        rows().eventKinds(callId));
  }

  @Test
  void callerWhoHangsUpWhileWaitingIsAbandoned() throws Exception {
    try (RtpProbe caller = new RtpProbe()) {
      // Nobody is ready: the caller hears music for 1.5 s and hangs up.
      call(caller, "uac-echo.xml", 1500).get(30, TimeUnit.SECONDS);
      assertTrue(caller.awaitPackets(25, WAIT), "the waiting caller gets RTP (music)");
      long music =
          caller.received().stream()
              .filter(p -> p.payload().length >= 160)
              .filter(p -> !silent(p.payload()))
              .count();
      assertTrue(music > 10, "the waiting caller hears music, not silence: " + music);
    }
    Map<String, Object> row =
        rows()
            .await(
                WAIT,
                "abandoned call record",
                r -> "abandoned".equals(r.get("outcome")),
                "SELECT * FROM calls WHERE outcome IS NOT NULL ORDER BY arrived_at DESC LIMIT 1");
    assertEquals("abandoned", row.get("outcome"));
    assertEquals("support", row.get("queue"));
    long waited = ((Number) row.get("wait_ms")).longValue();
    assertTrue(waited >= 1000 && waited < 10_000, "wait recorded: " + waited);
  }

  @Test
  void operatorWhoReconnectsInTheWindowGetsTheCallBack() throws Exception {
    AgentClient alice = readyAgent("alice");
    try (RtpProbe caller = new RtpProbe()) {
      CompletableFuture<Sipp.Result> sipp = call(caller, "uac-echo.xml", 9000);
      String callId = alice.await("offer", WAIT).getString("callId");
      alice.send("answer", "callId", callId);
      alice.await("connected", WAIT);
      SocketAddress tawagRtp = caller.firstSource().get(10, TimeUnit.SECONDS);

      alice.abort();
      agents.remove(alice);
      Thread.sleep(500);
      AgentClient again = connect("alice");
      JsonObject back = again.await("connected", WAIT);
      assertEquals(callId, back.getString("callId"));
      assertEquals(false, back.getBoolean("held"));

      long start = System.nanoTime();
      caller.sendTone(tawagRtp, AudioCodec.PCMU, 1000, 50).get(10, TimeUnit.SECONDS);
      List<AgentClient.Frame> heard = again.framesAfter(start + 400_000_000L);
      long tone = heard.stream().filter(f -> hasTone(f.codec(), f.payload(), 1000)).count();
      assertTrue(tone >= 20, "the caller's audio reaches the reconnected operator: " + tone);
      assertEquals("caller", again.await("ended", Duration.ofSeconds(15)).getString("by"));
      assertEquals(0, sipp.get(30, TimeUnit.SECONDS).exitCode());
    }
  }

  @Test
  void blindTransferToAQueueReachesAnotherOperator() throws Exception {
    AgentClient alice = readyAgent("alice");
    CompletableFuture<Sipp.Result> sipp =
        CompletableFuture.supplyAsync(() -> sipp("uac-server-hangs-up.xml", List.of()));
    String callId = alice.await("offer", WAIT).getString("callId");
    alice.send("answer", "callId", callId);
    alice.await("connected", WAIT);
    AgentClient bob = readyAgent("bob");

    alice.send("transfer", "callId", callId, "to", new JsonObject().put("queue", "support"));
    assertEquals("transfer", alice.await("ended", WAIT).getString("by"));
    alice.awaitState("wrap_up", WAIT);
    assertEquals(callId, bob.await("offer", WAIT).getString("callId"));
    bob.send("answer", "callId", callId);
    bob.await("connected", WAIT);
    bob.send("hangup", "callId", callId);
    assertEquals(0, sipp.get(30, TimeUnit.SECONDS).exitCode());

    Map<String, Object> row = rows().finishedCall(WAIT, callId, false);
    assertEquals("bob", row.get("agent"));
    assertEquals("completed_by_agent", row.get("outcome"));
    assertEquals(
        List.of(
            "entered",
            "offered",
            "answered",
            "transferred",
            "entered",
            "offered",
            "answered",
            "ended"),
        rows().eventKinds(callId));
  }

  @Test
  void blindTransferToANamedOperatorWaitsForThemAlone() throws Exception {
    AgentClient alice = readyAgent("alice");
    CompletableFuture<Sipp.Result> sipp =
        CompletableFuture.supplyAsync(() -> sipp("uac-server-hangs-up.xml", List.of()));
    String callId = alice.await("offer", WAIT).getString("callId");
    alice.send("answer", "callId", callId);
    alice.await("connected", WAIT);
    AgentClient bob = connect("bob");
    bob.awaitState("not_ready", WAIT);

    alice.send("transfer", "callId", callId, "to", new JsonObject().put("agent", "nobody"));
    JsonObject refused = alice.await("error", WAIT);
    assertEquals("transfer_refused", refused.getString("code"));
    assertEquals("to.agent", refused.getString("field"));

    alice.send("transfer", "callId", callId, "to", new JsonObject().put("agent", "bob"));
    assertEquals("transfer", alice.await("ended", WAIT).getString("by"));
    bob.send("ready");
    assertEquals(callId, bob.await("offer", WAIT).getString("callId"));
    bob.send("answer", "callId", callId);
    bob.await("connected", WAIT);
    bob.send("hangup", "callId", callId);
    assertEquals(0, sipp.get(30, TimeUnit.SECONDS).exitCode());

    Map<String, Object> row = rows().finishedCall(WAIT, callId, false);
    assertEquals("bob", row.get("agent"));
    assertEquals(
        "agent:bob",
        rows()
            .one(
                "SELECT detail FROM call_events WHERE call_id = ? AND kind = 'transferred'", callId)
            .get("detail"));
  }

  @Test
  void blindTransferToANumberBridgesTheCallerToIt() throws Exception {
    AgentClient alice = readyAgent("alice");
    try (RtpProbe caller = new RtpProbe();
        RtpProbe outside = new RtpProbe()) {
      CompletableFuture<Sipp.Result> far =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return Sipp.in(Files.createDirectories(work.resolve("outside")))
                      .run(
                          "uas-digest-probe.xml",
                          null,
                          List.of(
                              "-i",
                              "127.0.0.1",
                              "-p",
                              String.valueOf(tawag().uasPort()),
                              "-mp",
                              String.valueOf(tawag().sippMediaPort() + 40),
                              "-key",
                              "rtp_port",
                              String.valueOf(outside.port())),
                          40);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      CompletableFuture<Sipp.Result> sipp = call(caller, "uac-echo.xml", 8000);
      String callId = alice.await("offer", WAIT).getString("callId");
      alice.send("answer", "callId", callId);
      alice.await("connected", WAIT);

      alice.send("transfer", "callId", callId, "to", new JsonObject().put("number", "5551234"));
      assertEquals("transfer", alice.await("ended", WAIT).getString("by"));
      alice.send("wrapup", "callId", callId, "disposition", "information_only");

      SocketAddress toCaller = caller.firstSource().get(10, TimeUnit.SECONDS);
      SocketAddress toOutside;
      try {
        toOutside = outside.firstSource().get(10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError(
            "no RTP to the number; its SIPp: " + far.get(40, TimeUnit.SECONDS).describe(), e);
      }
      long start = System.nanoTime();
      CompletableFuture<Void> fromOutside = outside.sendTone(toOutside, AudioCodec.PCMU, 1500, 75);
      caller.sendTone(toCaller, AudioCodec.PCMU, 1000, 75).get(10, TimeUnit.SECONDS);
      fromOutside.get(10, TimeUnit.SECONDS);
      long settled = start + 400_000_000L;
      long end = System.nanoTime() - 100_000_000L;
      assertTrue(outside.tonePackets(settled, end, 1000) >= 40, "the number hears the caller");
      assertTrue(caller.tonePackets(settled, end, 1500) >= 40, "the caller hears the number");

      assertEquals(0, sipp.get(30, TimeUnit.SECONDS).exitCode());
      Sipp.Result r = far.get(30, TimeUnit.SECONDS);
      assertEquals(0, r.exitCode(), "the number gets Tawag's BYE: " + r.describe());
      Map<String, Object> row = rows().finishedCall(WAIT, callId, true);
      assertEquals("transferred", row.get("outcome"));
      assertEquals("alice", row.get("agent"));
    }
  }

  @Test
  void operatorWhoReconnectsDuringWrapUpCanStillFileTheCall() throws Exception {
    AgentClient alice = readyAgent("alice");
    CompletableFuture<Sipp.Result> sipp =
        CompletableFuture.supplyAsync(() -> sipp("uac-server-hangs-up.xml", List.of()));
    String callId = alice.await("offer", WAIT).getString("callId");
    alice.send("answer", "callId", callId);
    alice.await("connected", WAIT);
    alice.send("hangup", "callId", callId);
    alice.awaitState("wrap_up", WAIT);
    assertEquals(0, sipp.get(30, TimeUnit.SECONDS).exitCode());

    alice.abort();
    agents.remove(alice);
    AgentClient again = connect("alice");
    again.awaitState("wrap_up", WAIT);
    assertEquals(callId, again.await("ended", WAIT).getString("callId"));
    again.send("wrapup", "callId", callId, "disposition", "wrong_number");
    again.awaitState("available", WAIT);
    assertEquals("wrong_number", rows().finishedCall(WAIT, callId, true).get("disposition"));
  }

  @Test
  void socketWithoutSessionOrFromAnotherSiteIsRefused() throws Exception {
    int port = tawag().server().httpPort();
    assertRefused(() -> AgentClient.connect(port, null));
    String cookie = HttpSession.login(port, "alice", PASSWORD).cookie();
    assertRefused(() -> AgentClient.connect(port, cookie, "http://evil.example"));
  }

  // ---- helpers ----

  private interface Connect {
    AgentClient run() throws Exception;
  }

  private static void assertRefused(Connect c) {
    try {
      AgentClient a = c.run();
      a.close();
      throw new AssertionError("the agent socket opened");
    } catch (AssertionError e) {
      throw e;
    } catch (Exception expected) {
      // The handshake failed, as it must.
    }
  }

  private AgentClient connect(String agent) throws Exception {
    int port = tawag().server().httpPort();
    AgentClient a = AgentClient.connect(port, HttpSession.login(port, agent, PASSWORD).cookie());
    agents.add(a);
    a.await("welcome", WAIT);
    return a;
  }

  private AgentClient readyAgent(String agent) throws Exception {
    AgentClient a = connect(agent);
    a.awaitState("not_ready", WAIT);
    a.send("ready");
    a.awaitState("available", WAIT);
    return a;
  }

  private CompletableFuture<Sipp.Result> call(RtpProbe probe, String scenario, int holdMillis) {
    return tawag().callWithProbe(work, scenario, "800", probe, holdMillis);
  }

  private Sipp.Result sipp(String scenario, List<String> extra) {
    return tawag().call(work, scenario, "800", extra);
  }

  private static boolean hasTone(AudioCodec codec, byte[] payload, int hz) {
    return ToneDetector.hasTone(codec, payload, 0, 160, hz);
  }

  private static boolean silent(byte[] payload) {
    for (int i = 0; i < 160; i++) {
      if (payload[i] != AudioCodec.PCMU.silence() && payload[i] != (byte) 0x7F) {
        return false;
      }
    }
    return true;
  }

  private static List<String> agentStates(String agent) throws Exception {
    tawag().server().store().agentStates().flush().get(10, TimeUnit.SECONDS);
    return rows()
        .column("SELECT state FROM agent_state_events WHERE agent = ? ORDER BY seq", agent);
  }
}
