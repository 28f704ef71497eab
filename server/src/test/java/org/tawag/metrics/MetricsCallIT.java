package org.tawag.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.media.AudioCodec;
import org.tawag.testing.AgentClient;
import org.tawag.testing.FreePorts;
import org.tawag.testing.HttpSession;
import org.tawag.testing.RtpProbe;
import org.tawag.testing.Sipp;
import org.tawag.testing.TawagServerExtension;
import org.tawag.testing.TawagTestServer;

/**
 * {@code /metrics} of a real server around real calls: SIPp calls the support queue, a test
 * operator answers one call over the agent WebSocket and wraps it up, and a second caller hangs up
 * while the operator is on a break. Every queue, agent, call, media and store series must move as
 * the calls say, and no number or call id may appear.
 */
class MetricsCallIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String PASSWORD = "operator-pass-1";
  private static final String Q = "support";

  @RegisterExtension
  static final TawagServerExtension server =
      new TawagServerExtension("tawag.queues.support.wrap-up = 20s");

  @TempDir Path work;

  @BeforeAll
  static void createOperator() throws Exception {
    HttpSession.login(port(), "admin", TawagTestServer.ADMIN_PASSWORD)
        .createUser("alice", PASSWORD, "operator");
  }

  @Test
  void seriesMoveAsTheCallsGo() throws Exception {
    MetricsText before = MetricsText.scrape(port());
    String callId;
    MetricsText after;
    try (AgentClient alice =
            AgentClient.connect(port(), HttpSession.login(port(), "alice", PASSWORD).cookie());
        RtpProbe caller = new RtpProbe()) {
      alice.await("welcome", WAIT);
      alice.awaitState("not_ready", WAIT);
      alice.send("ready");
      alice.awaitState("available", WAIT);

      // Call 1: answered, caller hangs up after 3 s, wrapped up as refused.
      CompletableFuture<Sipp.Result> sipp = call(caller, 3000);
      callId = alice.await("offer", WAIT).getString("callId");
      MetricsText ringing = MetricsText.scrape(port());
      assertEquals(1, ringing.value("tawag_queue_waiting_calls", "queue", Q));
      assertEquals(1, ringing.value("tawag_queue_agents", "queue", Q, "state", "offered"));
      alice.send("answer", "callId", callId);
      alice.await("connected", WAIT);
      MetricsText talking = MetricsText.scrape(port());
      assertEquals(0, talking.value("tawag_queue_waiting_calls", "queue", Q));
      assertEquals(1, talking.value("tawag_queue_agents", "queue", Q, "state", "on_call"));
      assertTrue(talking.value("tawag_media_rtp_legs") >= 1, "an RTP leg is open");
      assertEquals(1, talking.value("tawag_sip_active_calls"));
      assertEquals(1, talking.value("tawag_agent_sockets"));
      // Audio both ways, so the operator socket's frame counters move.
      SocketAddress tawagRtp = caller.firstSource().get(10, TimeUnit.SECONDS);
      alice.startTone(1500);
      caller.sendTone(tawagRtp, AudioCodec.PCMU, 1000, 50).get(10, TimeUnit.SECONDS);
      alice.stopTone();
      alice.await("ended", Duration.ofSeconds(15));
      alice.awaitState("wrap_up", WAIT);
      alice.send("wrapup", "callId", callId, "disposition", "refused", "reason", "bad_time");
      alice.awaitState("available", WAIT);
      assertEquals(0, sipp.get(30, TimeUnit.SECONDS).exitCode());

      // Call 2: the operator is on a break; the caller gives up after 1.5 s.
      alice.send("pause", "reason", "break");
      alice.awaitState("not_ready", WAIT);
      assertEquals(0, call(caller, 1500).get(30, TimeUnit.SECONDS).exitCode());
      awaitValue("tawag_queue_calls_abandoned_total", 1 + counter(before, "abandoned"));
      after = MetricsText.scrape(port());
    }

    assertEquals(2, delta(before, after, "tawag_queue_calls_entered_total", "queue", Q));
    assertEquals(1, delta(before, after, "tawag_queue_calls_answered_total", "queue", Q));
    assertEquals(1, delta(before, after, "tawag_queue_calls_answered_within_sl_total", "queue", Q));
    assertEquals(1, delta(before, after, "tawag_queue_calls_abandoned_total", "queue", Q));
    assertEquals(0, delta(before, after, "tawag_queue_calls_abandoned_after_sl_total", "queue", Q));
    assertEquals(1, delta(before, after, "tawag_queue_wait_seconds_count", "queue", Q));
    assertEquals(
        1, delta(before, after, "tawag_queue_wait_seconds_bucket", "queue", Q, "le", "20.0"));
    assertEquals(1, delta(before, after, "tawag_queue_abandon_wait_seconds_count", "queue", Q));
    double abandonWait = delta(before, after, "tawag_queue_abandon_wait_seconds_sum", "queue", Q);
    assertTrue(abandonWait >= 1 && abandonWait < 10, "abandoned after ~1.5 s: " + abandonWait);
    assertEquals(1, delta(before, after, "tawag_queue_talk_seconds_count", "queue", Q));
    double talk = delta(before, after, "tawag_queue_talk_seconds_sum", "queue", Q);
    assertTrue(talk >= 2 && talk < 15, "talk about 3 s: " + talk);
    assertEquals(1, delta(before, after, "tawag_queue_hold_seconds_count", "queue", Q));
    assertEquals(1, delta(before, after, "tawag_queue_wrapup_seconds_count", "queue", Q));
    assertEquals(
        1,
        delta(
            before, after, "tawag_queue_dispositions_total", "queue", Q, "disposition", "refused"));
    assertEquals(1, delta(before, after, "tawag_agent_calls_handled_total", "agent", "alice"));
    assertTrue(
        delta(
                before,
                after,
                "tawag_agent_state_time_seconds_total",
                "agent",
                "alice",
                "state",
                "on_call")
            >= 2,
        "alice talked for seconds");
    assertTrue(
        delta(
                before,
                after,
                "tawag_agent_state_time_seconds_total",
                "agent",
                "alice",
                "state",
                "wrap_up")
            > 0);
    assertEquals(1, after.value("tawag_agents_not_ready", "reason", "break"));
    assertEquals(
        2,
        delta(before, after, "tawag_calls_started_total", "trunk", "local-pbx", "direction", "in"));
    assertEquals(
        2,
        delta(
            before,
            after,
            "tawag_calls_ended_total",
            "trunk",
            "local-pbx",
            "reason",
            "remote_hangup"));
    assertTrue(
        delta(before, after, "tawag_agent_audio_frames_sent_total") >= 20,
        "the caller's audio went to the operator");
    assertTrue(
        delta(before, after, "tawag_agent_audio_frames_received_total") >= 20,
        "the operator's audio came in");
    assertEquals(0, after.value("tawag_queue_waiting_calls", "queue", Q));
    assertEquals(0, after.value("tawag_queue_oldest_wait_seconds", "queue", Q));
    assertEquals(0, after.value("tawag_store_call_log_dropped_total"));

    // SIP by method and code class: two INVITEs in, each answered; the callers' BYEs answered.
    assertEquals(2, delta(before, after, "tawag_sip_requests_total", sip("in", "INVITE")));
    assertTrue(delta(before, after, "tawag_sip_requests_total", sip("in", "ACK")) >= 2);
    assertTrue(delta(before, after, "tawag_sip_requests_total", sip("in", "BYE")) >= 1);
    assertTrue(delta(before, after, "tawag_sip_responses_total", sip("out", "INVITE", "1xx")) >= 2);
    assertTrue(delta(before, after, "tawag_sip_responses_total", sip("out", "INVITE", "2xx")) >= 1);
    assertTrue(delta(before, after, "tawag_sip_responses_total", sip("out", "BYE", "2xx")) >= 1);
    // RTP: the caller's 50 tone packets came in (the first one is the source's probation, RFC
    // 3550 A.1) and Tawag's audio went out; legs add their counts at close.
    MetricsText closed = awaitAbove("tawag_media_rtp_packets_received_total", before, 49);
    assertTrue(delta(before, closed, "tawag_media_rtp_packets_sent_total") >= 49);
    assertTrue(delta(before, closed, "tawag_media_rtp_jitter_seconds_count") >= 1);
    assertEquals(0, delta(before, closed, "tawag_media_rtp_packets_lost_total"), "loopback");
    MetricsText stored = awaitAbove("tawag_store_write_seconds_count", before, 1);
    assertEquals(0, delta(before, stored, "tawag_store_write_failures_total"), "H2 takes them");

    for (Meters m : Meters.values()) {
      if (m == Meters.TRUNK_REGISTERED) {
        continue; // only for trunks that register, and the test trunks do not
      }
      assertTrue(after.has(m.prometheusName()), m.prometheusName() + " is exported");
    }
    assertTrue(after.has("jvm_memory_used_bytes") && after.has("process_cpu_usage"));
    assertFalse(after.text().contains("15550100"), "no caller number in metrics");
    assertFalse(after.text().contains(callId), "no call id in metrics");
  }

  // ---- helpers ----

  private static int port() {
    return server.get().server().httpPort();
  }

  private static double counter(MetricsText m, String what) {
    return m.value("tawag_queue_calls_" + what + "_total", "queue", Q);
  }

  private static double delta(MetricsText before, MetricsText after, String name, String... l) {
    return after.value(name, l) - before.value(name, l);
  }

  private static void awaitValue(String name, double expected) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (MetricsText.scrape(port()).value(name, "queue", Q) < expected) {
      assertTrue(System.nanoTime() < deadline, name + " never reached " + expected);
      Thread.sleep(50);
    }
  }

  private static String[] sip(String direction, String method, String... codeClass) {
    return codeClass.length == 0
        ? new String[] {"direction", direction, "method", method}
        : new String[] {"direction", direction, "method", method, "code_class", codeClass[0]};
  }

  /** Scrapes until {@code name} is at least {@code atLeast} above its value in {@code before}. */
  private static MetricsText awaitAbove(String name, MetricsText before, double atLeast)
      throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      MetricsText now = MetricsText.scrape(port());
      if (delta(before, now, name) >= atLeast) {
        return now;
      }
      assertTrue(System.nanoTime() < deadline, name + " never rose by " + atLeast);
      Thread.sleep(50);
    }
  }

  private CompletableFuture<Sipp.Result> call(RtpProbe probe, int holdMillis) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            List<String> args =
                new ArrayList<>(
                    List.of(
                        "-i",
                        "127.0.0.1",
                        "-p",
                        String.valueOf(FreePorts.udpAndTcp()),
                        "-s",
                        "800",
                        "-mp",
                        String.valueOf(server.get().sippMediaPort()),
                        "-key",
                        "rtp_port",
                        String.valueOf(probe.port()),
                        "-d",
                        String.valueOf(holdMillis)));
            return Sipp.in(work)
                .run("uac-echo.xml", "127.0.0.1:" + server.get().sipPort(), args, 40);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
