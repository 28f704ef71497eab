package org.tawag.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
import org.tawag.testing.ToneDetector;

/**
 * A supervisor coaches an operator in headless Chromium, with three tones: the SIPp caller sends
 * {@value #CALLER_HZ} Hz, the operator (an agent-socket client) {@value #OPERATOR_HZ} Hz and the
 * supervisor page's fake microphone {@value #SUPERVISOR_HZ} Hz. The operator escalates and the
 * wallboard flags them with a cue; listening hears caller and operator mixed; whispering reaches
 * the operator and not the caller; barging reaches the caller; when the operator hangs up the page
 * shows the call ended and the flag is gone.
 */
class SupervisorCoachingBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String SUPERVISOR_PASSWORD = "supervisor-pass-1";
  private static final String OPERATOR_PASSWORD = "operator-pass-1";
  private static final int CALLER_HZ = 1000;
  private static final int OPERATOR_HZ = 2000;
  private static final int SUPERVISOR_HZ = 400;

  /** Frames carrying a tone before it counts as heard: a second of audio. */
  private static final int HEARD = 50;

  @RegisterExtension
  static final TawagServerExtension server =
      new TawagServerExtension("tawag.queues.support.offer-timeout = 20s\n");

  @TempDir Path work;

  static int httpPort() {
    return server.get().server().httpPort();
  }

  @BeforeAll
  static void createUsers() throws Exception {
    HttpSession admin = HttpSession.login(httpPort(), "admin", TawagTestServer.ADMIN_PASSWORD);
    admin.createUser("sue", SUPERVISOR_PASSWORD, "supervisor");
    admin.createUser("alice", OPERATOR_PASSWORD, "operator");
  }

  @Test
  @Timeout(150)
  void escalatedOperatorIsCoachedByListenWhisperAndBarge() throws Exception {
    Path wav = Browser.toneWav(work.resolve("mic-400.wav"), SUPERVISOR_HZ, 2);
    try (Browser page = Browser.start(wav, work.resolve("profile"), WAIT);
        RtpProbe caller = new RtpProbe()) {
      page.open(
          "http://127.0.0.1:"
              + httpPort()
              + "/supervisor.html?test=1&tones="
              + CALLER_HZ
              + ","
              + OPERATOR_HZ
              + ","
              + SUPERVISOR_HZ);
      page.type("#username", "sue");
      page.type("#password", SUPERVISOR_PASSWORD);
      page.find("#login").click();
      page.textContains("#connection", "connected");

      CompletableFuture<Sipp.Result> sipp = call(caller);
      String cookie = HttpSession.login(httpPort(), "alice", OPERATOR_PASSWORD).cookie();
      try (AgentClient alice = AgentClient.connect(httpPort(), cookie)) {
        alice.send("ready");
        String callId = alice.await("offer", WAIT).getString("callId");
        alice.send("answer", "callId", callId);
        alice.awaitState("on_call", WAIT);
        alice.startTone(OPERATOR_HZ);
        SocketAddress tawagRtp = caller.firstSource().get(10, TimeUnit.SECONDS);
        CompletableFuture<Void> callerTone =
            caller.sendTone(tawagRtp, AudioCodec.PCMU, CALLER_HZ, 3000);

        // The operator's call-quality report: the caller's RTP as the server received it.
        JsonObject quality = alice.await("quality", WAIT);
        assertEquals(callId, quality.getString("callId"));
        assertTrue(quality.getJsonObject("caller").getLong("packets") > 0, quality.encode());
        assertEquals(0.0, quality.getJsonObject("caller").getDouble("lossPct"), quality.encode());

        // Escalation: the row is flagged and the page plays its cue.
        alice.send("escalate", "callId", callId);
        page.waitFor(d -> "true".equals(rowData(page, "escalated")) ? true : null);
        page.waitFor(d -> page.audioStat("cues") >= 1 ? true : null);
        page.screenshot("coaching-1-escalated");

        // Listen: caller and operator mixed; nobody hears the supervisor.
        click(page, "listen");
        page.textContains("#listening", callId);
        page.waitFor(d -> heard(page, CALLER_HZ) >= HEARD ? true : null);
        page.waitFor(d -> heard(page, OPERATOR_HZ) >= HEARD ? true : null);
        long listenStart = System.nanoTime();
        assertHeard(alice.awaitFrames(listenStart, f -> true, HEARD, WAIT), "operator frames");
        assertEquals(0, operatorHeard(alice, listenStart, SUPERVISOR_HZ), "listen is silent");

        // Whisper: the operator hears the supervisor, the caller does not.
        click(page, "whisper");
        page.waitFor(d -> "whisper".equals(listeningMode(page)) ? true : null);
        long whisperStart = System.nanoTime();
        page.waitFor(d -> page.audioStat("txFrames") >= HEARD ? true : null);
        assertHeard(operatorHears(alice, whisperStart, SUPERVISOR_HZ), "whisper at the operator");
        long whisperSeen = System.nanoTime();
        assertEquals(
            0,
            caller.tonePacketsInMix(whisperStart, whisperSeen, SUPERVISOR_HZ),
            "the caller must not hear a whisper");
        page.screenshot("coaching-2-whisper");

        // Barge: the caller hears the supervisor and the operator.
        click(page, "barge");
        page.waitFor(d -> "barge".equals(listeningMode(page)) ? true : null);
        long bargeStart = System.nanoTime();
        assertHeard(
            caller.awaitTonePacketsInMix(bargeStart, SUPERVISOR_HZ, HEARD, WAIT),
            "barge at the caller");
        assertHeard(
            caller.awaitTonePacketsInMix(bargeStart, OPERATOR_HZ, HEARD, WAIT),
            "the operator at the caller during a barge");
        assertHeard(operatorHears(alice, bargeStart, SUPERVISOR_HZ), "barge at the operator");

        // The operator hangs up: the supervision ends on the page and the flag clears.
        alice.send("hangup", "callId", callId);
        alice.await("ended", WAIT);
        page.waitFor(d -> "ended".equals(listeningMode(page)) ? true : null);
        page.waitFor(d -> "false".equals(rowData(page, "escalated")) ? true : null);
        page.screenshot("coaching-3-ended");
        alice.stopTone();
        callerTone.cancel(false);
        Sipp.Result r = sipp.get(40, TimeUnit.SECONDS);
        assertEquals(0, r.exitCode(), r.describe());
      }
    }
  }

  private static long operatorHeard(AgentClient alice, long after, int hz) {
    return alice.framesAfter(after).stream()
        .filter(f -> ToneDetector.hasToneInMix(f.codec(), f.payload(), 0, f.payload().length, hz))
        .count();
  }

  /** Frames after {@code after} in which the operator hears {@code hz}, waited for up to WAIT. */
  private static long operatorHears(AgentClient alice, long after, int hz)
      throws InterruptedException {
    return alice.awaitFrames(
        after,
        f -> ToneDetector.hasToneInMix(f.codec(), f.payload(), 0, f.payload().length, hz),
        HEARD,
        WAIT);
  }

  private static void assertHeard(long frames, String what) {
    assertTrue(frames >= HEARD, what + ": " + frames + " frames, wanted " + HEARD);
  }

  private static long heard(Browser page, int hz) {
    Object v =
        page.script("return ((window.__tawagAudio || {}).tones || {})[arguments[0]] || 0;", hz);
    return v instanceof Number n ? n.longValue() : 0;
  }

  private static String listeningMode(Browser page) {
    return (String) page.script("return document.getElementById('listening').dataset.mode;");
  }

  private static String rowData(Browser page, String key) {
    return (String)
        page.script(
            "const r = document.querySelector('tr[data-agent=alice]');"
                + " return r ? r.dataset[arguments[0]] : null;",
            key);
  }

  /** Clicks alice's {@code action} button; the row is redrawn every second, so in one script. */
  private static void click(Browser page, String action) {
    page.waitFor(
        d ->
            page.script(
                "const b = document.querySelector("
                    + "'tr[data-agent=alice] button[data-action=' + arguments[0] + ']');"
                    + " if (b) { b.click(); return true; } return null;",
                action));
  }

  private CompletableFuture<Sipp.Result> call(RtpProbe probe) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            List<String> args =
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
                    String.valueOf(probe.port()));
            return Sipp.in(work)
                .run(
                    "uac-probe-server-hangs-up.xml",
                    "127.0.0.1:" + server.get().sipPort(),
                    args,
                    100);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
