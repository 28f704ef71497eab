package org.tawag.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.acd.AgentState;
import org.tawag.media.AudioCodec;
import org.tawag.testing.AgentClient;
import org.tawag.testing.FreePorts;
import org.tawag.testing.HttpSession;
import org.tawag.testing.RtpProbe;
import org.tawag.testing.Sipp;
import org.tawag.testing.TawagServerExtension;
import org.tawag.testing.TawagTestServer;
import org.tawag.testing.ToneDetector;

/**
 * A SIP phone as an operator: SIPp registers as bob with digest (the SIP password set through the
 * users API), the ACD rings the phone with an INVITE showing the caller, the phone answers and
 * tones cross between caller and phone; a phone that never answers is treated like a browser that
 * does not: the offer is cancelled and the next operator gets the call.
 */
class PhoneAgentIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String SIP_PASSWORD = "bob-phone-pass";

  @RegisterExtension
  static final TawagServerExtension server =
      new TawagServerExtension(
          "tawag.queues.support.offer-timeout = 3s\ntawag.queues.support.wrap-up = 1s\n"
              + "tawag.agents.phone-no-answer-retry = 2s\n");

  @TempDir Path work;

  static TawagTestServer tawag() {
    return server.get();
  }

  @BeforeAll
  static void createOperators() throws Exception {
    int port = tawag().server().httpPort();
    HttpSession admin = HttpSession.login(port, "admin", TawagTestServer.ADMIN_PASSWORD);
    admin.createUser("alice", "alice-web-pass", "operator");
    JsonObject bob =
        new JsonObject()
            .put("username", "bob")
            .put("password", "bob-web-pass")
            .put("sipPassword", SIP_PASSWORD)
            .put("roles", new io.vertx.core.json.JsonArray().add("operator"));
    assertEquals(201, HttpSession.post(port, "/api/users", admin.cookie(), bob).statusCode());
  }

  @Test
  void registeredPhoneIsRungAnswersAndTonesCross() throws Exception {
    int phonePort = FreePorts.udpAndTcp();
    register(phonePort);
    awaitState("bob", AgentState.AVAILABLE);

    try (RtpProbe caller = new RtpProbe();
        RtpProbe phone = new RtpProbe()) {
      CompletableFuture<Sipp.Result> phoneRun =
          sipp(
              "phone",
              "phone-answer-probe.xml",
              null,
              List.of(
                  "-s",
                  "bob",
                  "-i",
                  "127.0.0.2",
                  "-p",
                  String.valueOf(phonePort),
                  // The phone's media is the test's socket on 127.0.0.1.
                  "-mi",
                  "127.0.0.1",
                  "-key",
                  "rtp_port",
                  String.valueOf(phone.port())));
      CompletableFuture<Sipp.Result> callerRun =
          sipp(
              "caller",
              "uac-echo.xml",
              "127.0.0.1:" + tawag().sipPort(),
              List.of(
                  "-s",
                  "800",
                  "-i",
                  "127.0.0.1",
                  "-p",
                  String.valueOf(FreePorts.udpAndTcp()),
                  "-mp",
                  String.valueOf(tawag().sippMediaPort()),
                  "-key",
                  "rtp_port",
                  String.valueOf(caller.port()),
                  "-d",
                  "5000"));

      SocketAddress toCallerLeg = caller.firstSource().get(10, TimeUnit.SECONDS);
      try {
        awaitState("bob", AgentState.ON_CALL);
      } catch (AssertionError e) {
        throw new AssertionError(
            e.getMessage() + "; phone: " + phoneRun.get(40, TimeUnit.SECONDS).describe(), e);
      }
      SocketAddress toPhoneLeg = phone.firstSource().get(10, TimeUnit.SECONDS);
      long start = System.nanoTime();
      CompletableFuture<Void> fromPhone = phone.sendTone(toPhoneLeg, AudioCodec.PCMU, 1500, 100);
      caller.sendTone(toCallerLeg, AudioCodec.PCMU, 1000, 100).get(10, TimeUnit.SECONDS);
      fromPhone.get(10, TimeUnit.SECONDS);
      long settled = start + 400_000_000L;
      long end = System.nanoTime() - 100_000_000L;

      assertTone(phone, settled, end, 1000, "the phone hears the caller");
      assertTone(caller, settled, end, 1500, "the caller hears the phone");

      Sipp.Result c = callerRun.get(30, TimeUnit.SECONDS);
      assertEquals(0, c.exitCode(), c.describe());
      Sipp.Result p = phoneRun.get(30, TimeUnit.SECONDS);
      assertEquals(0, p.exitCode(), "the phone gets Tawag's BYE: " + p.describe());
    }
    assertEquals("completed_by_caller", outcomeOfBobsCall());
  }

  @Test
  void phoneThatNeverAnswersIsPausedAndTheNextOperatorGetsTheCall() throws Exception {
    int phonePort = FreePorts.udpAndTcp();
    register(phonePort);
    int http = tawag().server().httpPort();
    try (AgentClient alice =
        AgentClient.connect(http, HttpSession.login(http, "alice", "alice-web-pass").cookie())) {
      alice.awaitState("not_ready", WAIT);
      // bob's phone registered first, so it is idle longest and is rung first.
      awaitState("bob", AgentState.AVAILABLE);
      alice.send("ready");
      alice.awaitState("available", WAIT);

      CompletableFuture<Sipp.Result> phoneRun =
          sipp(
              "phone",
              "uas-ring-forever.xml",
              null,
              List.of("-s", "bob", "-i", "127.0.0.2", "-p", String.valueOf(phonePort)));
      CompletableFuture<Sipp.Result> callerRun =
          sipp(
              "caller",
              "uac-server-hangs-up.xml",
              "127.0.0.1:" + tawag().sipPort(),
              List.of(
                  "-s",
                  "800",
                  "-i",
                  "127.0.0.1",
                  "-p",
                  String.valueOf(FreePorts.udpAndTcp()),
                  "-mp",
                  String.valueOf(tawag().sippMediaPort())));

      JsonObject offer = alice.await("offer", Duration.ofSeconds(15));
      awaitState("bob", AgentState.NOT_READY);
      assertEquals(
          "no answer", tawag().server().queues().agent("bob").get().orElseThrow().reason());
      alice.send("answer", "callId", offer.getString("callId"));
      alice.await("connected", WAIT);
      alice.send("hangup", "callId", offer.getString("callId"));
      assertEquals(0, callerRun.get(30, TimeUnit.SECONDS).exitCode());
      Sipp.Result p = phoneRun.get(30, TimeUnit.SECONDS);
      assertTrue(p.messages().contains("CANCEL sip:bob@"), "the phone's ring was cancelled");
    }
  }

  // ---- helpers ----

  private void register(int port) throws Exception {
    Sipp.Result r =
        sipp(
                "register",
                "phone-register.xml",
                "127.0.0.1:" + tawag().sipPort(),
                List.of(
                    "-s",
                    "bob",
                    "-au",
                    "bob",
                    "-ap",
                    SIP_PASSWORD,
                    "-i",
                    "127.0.0.2",
                    "-p",
                    String.valueOf(port)))
            .get(30, TimeUnit.SECONDS);
    assertEquals(0, r.exitCode(), r.describe());
  }

  private CompletableFuture<Sipp.Result> sipp(
      String name, String scenario, String target, List<String> args) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            Path dir = Files.createDirectories(work.resolve(name + "-" + System.nanoTime()));
            return Sipp.in(dir).run(scenario, target, args, 40);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static void awaitState(String agent, AgentState state) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (tawag().server().queues().agent(agent).get().orElseThrow().state() != state) {
      assertTrue(System.nanoTime() < deadline, agent + " never became " + state);
      Thread.sleep(20);
    }
  }

  private static void assertTone(RtpProbe probe, long from, long to, int hz, String what) {
    List<RtpProbe.Packet> packets =
        probe.receivedAfter(from).stream()
            .filter(p -> p.nanos() < to && p.payload().length >= 160)
            .toList();
    long tone =
        packets.stream()
            .filter(p -> ToneDetector.hasTone(AudioCodec.PCMU, p.payload(), 0, 160, hz))
            .count();
    assertTrue(packets.size() >= 60, what + ": RTP arrives (" + packets.size() + ")");
    assertTrue(
        tone >= packets.size() * 0.8, what + ": " + hz + " Hz in " + tone + "/" + packets.size());
  }

  /** The outcome of the call the phone operator bob took, once its record is written. */
  private static String outcomeOfBobsCall() throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      try (Connection c = tawag().server().store().database().connection();
          PreparedStatement ps =
              c.prepareStatement(
                  "SELECT outcome FROM calls WHERE agent = 'bob' AND outcome IS NOT NULL");
          ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return rs.getString(1);
        }
      }
      assertTrue(System.nanoTime() < deadline, "no record of bob's call");
      Thread.sleep(100);
    }
  }
}
