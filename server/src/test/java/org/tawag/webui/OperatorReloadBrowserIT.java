package org.tawag.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.Select;
import org.tawag.media.AudioCodec;
import org.tawag.testing.CallRows;
import org.tawag.testing.FreePorts;
import org.tawag.testing.HttpSession;
import org.tawag.testing.RtpProbe;
import org.tawag.testing.Sipp;
import org.tawag.testing.TawagServerExtension;
import org.tawag.testing.TawagTestServer;
import org.tawag.testing.ToneDetector;

/**
 * A reload of the operator page mid-call does not lose the call: the operator answers in headless
 * Chromium and tones cross both ways (1000 Hz from the caller, the fake microphone's 1500 Hz from
 * the browser); the page reloads; with the session cookie it reconnects without a second sign-in,
 * shows the same call again with the order form as typed, and both tones cross again; then the
 * socket drops without a reload (a network blip), the page reconnects by itself and the tones cross
 * once more; the operator hangs up in the page and files the call, whose record names the operator.
 */
class OperatorReloadBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String PASSWORD = "operator-pass-1";
  private static final String CALLER = "+15550100";

  @RegisterExtension
  static final TawagServerExtension server =
      new TawagServerExtension(
          """
          tawag.queues.support.offer-timeout = 20s
          tawag.queues.support.wrap-up = 60s
          """);

  @TempDir Path work;

  static TawagTestServer tawag() {
    return server.get();
  }

  @BeforeAll
  static void createOperator() throws Exception {
    HttpSession.login(tawag().server().httpPort(), "admin", TawagTestServer.ADMIN_PASSWORD)
        .createUser("alice", PASSWORD, "operator");
  }

  @Test
  @Timeout(150)
  void reloadMidCallBringsBackTheCallAndItsAudio() throws Exception {
    Path wav = Browser.toneWav(work.resolve("mic-1500hz.wav"), 1500, 10);
    try (Browser page = Browser.start(wav, work.resolve("profile"), WAIT);
        RtpProbe caller = new RtpProbe()) {
      page.open("http://127.0.0.1:" + tawag().server().httpPort() + "/?test=1");
      page.type("#username", "alice");
      page.type("#password", PASSWORD);
      page.find("#login").click();
      page.textContains("#connection", "connected");
      page.find("#ready").click();
      page.textContains("#state-label", "ready");
      awaitAudioRunning(page);

      CompletableFuture<Sipp.Result> sipp = call(caller);
      page.visible("#answer");
      page.textContains("#offer-caller", CALLER);
      page.waitFor(d -> Boolean.TRUE.equals(page.script("return __tawagAudio.ringing")));
      page.find("#answer").click();
      page.visible("#hangup");
      page.textContains("#state-label", "on call");
      assertEquals(
          Boolean.FALSE, page.script("return __tawagAudio.ringing"), "answer stops the ring");
      String callId = page.find("#call-panel").getAttribute("data-call-id");
      assertFalse(callId == null || callId.isBlank(), "the page names the call it shows");

      SocketAddress tawagRtp = caller.firstSource().get(10, TimeUnit.SECONDS);
      tonesCrossBothWays(page, caller, tawagRtp, "before the reload");
      page.type("[name=fullName]", "Maria Santos");
      page.type("[name='address.city']", "Quezon City");
      page.screenshot("reload-1-before");

      page.reload();
      page.visible("#hangup");
      page.textContains("#call-caller", CALLER);
      page.textContains("#state-label", "on call");
      assertEquals(callId, page.find("#call-panel").getAttribute("data-call-id"), "same call");
      assertTrue(page.find("#login-view").getAttribute("hidden") != null, "no second sign-in");
      page.waitFor(d -> fieldValue(page, "[name=fullName]").equals("Maria Santos") ? true : null);
      assertEquals("Quezon City", fieldValue(page, "[name='address.city']"), "typed, not saved");
      page.textContains("#pop-customer", CALLER); // the screen pop, kept by the tab
      awaitAudioRunning(page);
      // The new page's microphone frames reach the server before the caller is listened to.
      page.waitFor(d -> page.audioStat("txFrames") >= 25 ? Boolean.TRUE : null);
      tonesCrossBothWays(page, caller, tawagRtp, "after the reload");
      page.screenshot("reload-2-after");

      // A network blip: the socket drops without a reload and the page reconnects by itself.
      page.script("__tawagTest.dropSocket()");
      page.waitFor(d -> socketsOpened(page) >= 2 ? true : null);
      page.textContains("#connection", "connected");
      page.visible("#hangup");
      assertEquals(callId, page.find("#call-panel").getAttribute("data-call-id"), "same call");
      long sentBefore = page.audioStat("txFrames");
      page.waitFor(d -> page.audioStat("txFrames") - sentBefore >= 25 ? Boolean.TRUE : null);
      tonesCrossBothWays(page, caller, tawagRtp, "after a network blip");

      page.find("#hangup").click();
      page.visible("#wrapup-submit");
      new Select(page.find("#disposition")).selectByValue("information_only");
      page.find("#wrapup-submit").click();
      page.textContains("#state-label", "ready");

      Sipp.Result r = sipp.get(30, TimeUnit.SECONDS);
      assertEquals(0, r.exitCode(), r.describe());
      Map<String, Object> row = new CallRows(tawag()).finishedCall(WAIT, callId, true);
      assertEquals("alice", row.get("agent"));
      assertEquals("information_only", row.get("disposition"));
    }
  }

  private static String fieldValue(Browser page, String css) {
    String v = page.find(css).getAttribute("value");
    return v == null ? "" : v;
  }

  private static long socketsOpened(Browser page) {
    Object n = page.script("return window.__tawagTest?.sockets.opened || 0");
    return n instanceof Number v ? v.longValue() : 0;
  }

  private static void awaitAudioRunning(Browser page) {
    page.waitFor(
        d ->
            "running".equals(page.script("return window.__tawagAudio?.contextState"))
                ? true
                : null);
  }

  /**
   * The caller sends 150 frames of 1000 Hz: the page counts at least 100 of them (its counter
   * starts at zero on each page load and reports every 25 frames), and the caller hears the
   * browser's 1500 Hz in at least half of what arrives meanwhile.
   */
  private static void tonesCrossBothWays(
      Browser page, RtpProbe caller, SocketAddress tawagRtp, String when) throws Exception {
    long heardBefore = page.audioStat("rxToneFrames");
    long start = System.nanoTime();
    caller.sendTone(tawagRtp, AudioCodec.PCMU, 1000, 150).get(10, TimeUnit.SECONDS);
    long end = System.nanoTime();
    page.waitFor(d -> page.audioStat("rxToneFrames") - heardBefore >= 100 ? Boolean.TRUE : null);
    long from = start + 500_000_000L;
    long fromBrowser =
        caller.receivedAfter(from).stream()
            .filter(p -> p.nanos() < end && p.payload().length >= 160)
            .filter(p -> ToneDetector.hasTone(AudioCodec.PCMU, p.payload(), 0, 160, 1500))
            .count();
    assertTrue(
        fromBrowser >= 75,
        "the caller hears the operator's 1500 Hz "
            + when
            + " in "
            + fromBrowser
            + " of "
            + caller.receivedAfter(from).size()
            + " packets; "
            + page.state());
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
                    String.valueOf(tawag().sippMediaPort()),
                    "-key",
                    "rtp_port",
                    String.valueOf(probe.port()));
            return Sipp.in(work)
                .run("uac-probe-server-hangs-up.xml", "127.0.0.1:" + tawag().sipPort(), args, 100);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
