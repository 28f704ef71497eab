package org.tawag.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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

/**
 * The supervisor wallboard end to end in headless Chromium: a supervisor signs in to the page; a
 * SIPp caller waits in the support queue with nobody ready and the wallboard shows one waiting
 * call; an operator (a plain agent-socket client) goes ready and answers and the wallboard shows
 * them on call; the supervisor clicks Listen and the page hears the caller's 1000 Hz tone; after
 * the call the supervisor pauses the operator, then logs them out.
 */
class SupervisorBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String SUPERVISOR_PASSWORD = "supervisor-pass-1";
  private static final String OPERATOR_PASSWORD = "operator-pass-1";

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
  void operatorsCannotOpenTheSupervisorSocket() throws Exception {
    String cookie = HttpSession.login(httpPort(), "alice", OPERATOR_PASSWORD).cookie();
    ExecutionException refused =
        assertThrows(
            ExecutionException.class,
            () ->
                HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .header("Cookie", cookie)
                    .header("Origin", "http://127.0.0.1:" + httpPort())
                    .buildAsync(
                        URI.create("ws://127.0.0.1:" + httpPort() + "/supervisor/v1"),
                        new WebSocket.Listener() {})
                    .get(10, TimeUnit.SECONDS));
    assertTrue(
        refused.getCause() instanceof WebSocketHandshakeException h
            && h.getResponse().statusCode() == 401,
        String.valueOf(refused.getCause()));
  }

  @Test
  @Timeout(120)
  void wallboardShowsTheWaitingCallAndTheOperatorAndListeningHearsTheCaller() throws Exception {
    Path wav = Browser.toneWav(work.resolve("mic-silence.wav"), 1500, 1);
    try (Browser page = Browser.start(wav, work.resolve("profile"), WAIT);
        RtpProbe caller = new RtpProbe()) {
      page.open("http://127.0.0.1:" + httpPort() + "/supervisor.html");
      page.type("#username", "sue");
      page.type("#password", SUPERVISOR_PASSWORD);
      page.find("#login").click();
      page.textContains("#connection", "connected");
      page.waitFor(d -> "offline".equals(agentState(page)) ? true : null);

      CompletableFuture<Sipp.Result> sipp = call(caller, 25_000);
      page.waitFor(d -> "1".equals(waitingIn(page, "support")) ? true : null);
      page.screenshot("supervisor-1-waiting-call");

      String cookie = HttpSession.login(httpPort(), "alice", OPERATOR_PASSWORD).cookie();
      try (AgentClient alice = AgentClient.connect(httpPort(), cookie)) {
        alice.send("ready");
        String callId = alice.await("offer", WAIT).getString("callId");
        alice.send("answer", "callId", callId);
        alice.awaitState("on_call", WAIT);
        page.waitFor(d -> "on_call".equals(agentState(page)) ? true : null);
        page.waitFor(d -> "0".equals(waitingIn(page, "support")) ? true : null);
        page.screenshot("supervisor-2-operator-on-call");

        click(page, "listen");
        page.textContains("#listening", callId);

        SocketAddress tawagRtp = caller.firstSource().get(10, TimeUnit.SECONDS);
        caller.sendTone(tawagRtp, AudioCodec.PCMU, 1000, 150).get(10, TimeUnit.SECONDS);
        page.waitFor(d -> page.audioStat("rxToneFrames") >= 100 ? Boolean.TRUE : null);
        page.screenshot("supervisor-3-listening");

        // SIPp hangs up after its pause.
        Sipp.Result r = sipp.get(40, TimeUnit.SECONDS);
        assertEquals(0, r.exitCode(), r.describe());
        alice.await("ended", WAIT);

        // The supervisor's actions reach the operator.
        click(page, "pause");
        alice.await(
            m -> "state".equals(m.getString("type")) && "supervisor".equals(m.getString("reason")),
            "paused by the supervisor",
            WAIT);
        page.waitFor(d -> "not_ready".equals(agentState(page)) ? true : null);
        click(page, "logout");
        alice.awaitState("offline", WAIT);
        page.waitFor(d -> "offline".equals(agentState(page)) ? true : null);
      }
    }
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

  private static String agentState(Browser page) {
    Object s =
        page.script(
            "const r = document.querySelector('tr[data-agent=alice]');"
                + " return r ? r.dataset.state : null;");
    return (String) s;
  }

  private static String waitingIn(Browser page, String queue) {
    Object s =
        page.script(
            "for (const r of document.querySelectorAll('#queues tbody tr')) {"
                + " if (r.cells[0].textContent === arguments[0]) return r.cells[1].textContent; }"
                + " return null;",
            queue);
    return (String) s;
  }

  private CompletableFuture<Sipp.Result> call(RtpProbe probe, int holdMillis) {
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
                    String.valueOf(probe.port()),
                    "-d",
                    String.valueOf(holdMillis));
            return Sipp.in(work)
                .run("uac-echo.xml", "127.0.0.1:" + server.get().sipPort(), args, 60);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
