package org.tawag.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.SocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.tawag.media.AudioCodec;
import org.tawag.testing.CallRows;
import org.tawag.testing.HttpSession;
import org.tawag.testing.RtpProbe;
import org.tawag.testing.Sipp;
import org.tawag.testing.TawagServerExtension;
import org.tawag.testing.TawagTestServer;

/**
 * Dialling from the operator page in headless Chromium: Alt+D, a typed number and Enter call a SIPp
 * UAS on the test trunk; it hears the browser's fake microphone (1500 Hz) and the page hears its
 * 1000 Hz; the operator hangs up and files the call, whose record says {@code out}. Then the screen
 * pop of that call offers click-to-dial, and a busy number reads as plain words.
 */
class OperatorDialBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String PASSWORD = "operator-pass-1";
  private static final String NUMBER = "+15550123";

  @RegisterExtension
  static final TawagServerExtension server =
      new TawagServerExtension(
          """
          tawag.queues.support.wrap-up = 60s
          tawag.agents.dial-trunk = sipp-uas
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
  @Timeout(120)
  void operatorTypesANumberTheFarEndHearsTheMicrophoneThenClickToDialGetsBusy() throws Exception {
    Path wav = Browser.toneWav(work.resolve("mic-1500hz.wav"), 1500, 10);
    try (Browser page = Browser.start(wav, work.resolve("profile"), WAIT);
        RtpProbe far = new RtpProbe()) {
      page.open("http://127.0.0.1:" + tawag().server().httpPort() + "/?test=1");
      page.type("#username", "alice");
      page.type("#password", PASSWORD);
      page.find("#login").click();
      page.textContains("#connection", "connected");
      page.find("#ready").click();
      page.textContains("#state-label", "ready");
      page.waitFor(d -> "running".equals(page.script("return __tawagAudio.contextState")));
      assertTrue(page.find("#shortcut-list").getText().contains("Dial"), "Alt+D is listed");

      CompletableFuture<Sipp.Result> uas = tawag().answerAsTrunk(work, "uas-digest-probe.xml", far);
      page.find("body").sendKeys(Keys.chord(Keys.ALT, "d"));
      page.waitFor(d -> "dial-number".equals(page.script("return document.activeElement.id")));
      page.find("#dial-number").sendKeys("+1 555 0123", Keys.ENTER);
      page.visible("#hangup");
      page.textContains("#call-caller", NUMBER);
      page.textContains("#state-label", "on call");

      SocketAddress toFar = far.firstSource().get(10, TimeUnit.SECONDS);
      long start = System.nanoTime();
      far.sendTone(toFar, AudioCodec.PCMU, 1000, 150).get(10, TimeUnit.SECONDS);
      long end = System.nanoTime();
      page.waitFor(d -> page.audioStat("rxToneFrames") >= 100 ? Boolean.TRUE : null);
      long heard = far.tonePackets(start + 500_000_000L, end, 1500);
      assertTrue(heard >= 75, "the number hears the operator's 1500 Hz in " + heard + " packets");
      page.screenshot("dial-1-in-call");

      page.find("#hangup").click();
      page.visible("#wrapup-submit");
      Sipp.Result r = uas.get(30, TimeUnit.SECONDS);
      assertEquals(0, r.exitCode(), "the number gets Tawag's BYE: " + r.describe());
      new Select(page.find("#disposition")).selectByValue("information_only");
      page.find("#wrapup-submit").click();
      page.textContains("#state-label", "ready");
      Map<String, Object> row =
          new CallRows(tawag())
              .await(
                  WAIT,
                  "the dialled call's record",
                  m -> "information_only".equals(m.get("disposition")),
                  "SELECT * FROM calls WHERE direction = 'out' AND dialled = ?",
                  NUMBER);
      assertEquals("alice", row.get("agent"));
      assertEquals("completed_by_agent", row.get("outcome"));

      // The filed call's pop stays with a Call button: click-to-dial, and this time it is busy.
      CompletableFuture<Sipp.Result> busy = tawag().answerAsTrunk(work, "uas-busy.xml", null);
      page.click("#pop-customer button.dial-button");
      page.textContains("#dial-result", "The number is busy.");
      page.textContains("#state-label", "ready");
      page.screenshot("dial-2-busy");
      assertEquals(0, busy.get(30, TimeUnit.SECONDS).exitCode());
    }
  }

  @Test
  @Timeout(120)
  void previewCampaignShowsTheContactCallsItAndDoNotCallMePutsItOnTheList() throws Exception {
    int port = tawag().server().httpPort();
    HttpSession admin = HttpSession.login(port, "admin", TawagTestServer.ADMIN_PASSWORD);
    HttpResponse<String> created =
        admin.post(
            "/api/campaigns",
            new JsonObject()
                .put("name", "browser-preview")
                .put("queue", "support")
                .put("trunk", "sipp-uas")
                .put("mode", "preview")
                .put("hoursFrom", "00:00")
                .put("hoursTo", "00:00")
                .put("script", "Ask whether the new fibre plan interests them."));
    assertEquals(201, created.statusCode(), created.body());
    long id = new JsonObject(created.body()).getLong("id");
    JsonObject ana =
        new JsonObject()
            .put(
                "customers",
                new JsonArray()
                    .add(new JsonObject().put("fullName", "Ana Cruz").put("phone", "+15550124")));
    assertEquals(200, admin.post("/api/campaigns/" + id + "/contacts", ana).statusCode());
    assertEquals(200, admin.post("/api/campaigns/" + id + "/start", new JsonObject()).statusCode());

    Path wav = Browser.toneWav(work.resolve("mic-1500hz.wav"), 1500, 10);
    try (Browser page = Browser.start(wav, work.resolve("profile"), WAIT);
        RtpProbe far = new RtpProbe()) {
      page.open("http://127.0.0.1:" + port + "/?test=1");
      page.type("#username", "alice");
      page.type("#password", PASSWORD);
      page.find("#login").click();
      page.textContains("#connection", "connected");
      page.visible("#campaign-panel");
      page.find("body").sendKeys(Keys.chord(Keys.ALT, "n"));
      page.textContains("#preview-facts", "Ana Cruz +15550124");
      page.textContains("#preview-facts", "Time zone: UTC");
      page.textContains("#preview-script", "new fibre plan");
      page.screenshot("preview-1-card");

      CompletableFuture<Sipp.Result> uas = tawag().answerAsTrunk(work, "uas-digest-probe.xml", far);
      page.find("body").sendKeys(Keys.chord(Keys.ALT, "g"));
      page.visible("#hangup");
      page.textContains("#call-caller", "+15550124");
      page.textContains("#pop-script", "new fibre plan");
      SocketAddress toFar = far.firstSource().get(10, TimeUnit.SECONDS);
      long start = System.nanoTime();
      far.sendTone(toFar, AudioCodec.PCMU, 1000, 100).get(10, TimeUnit.SECONDS);
      long heard = far.tonePackets(start + 500_000_000L, System.nanoTime(), 1500);
      assertTrue(heard >= 40, "Ana hears the operator's 1500 Hz in " + heard + " packets");

      page.find("#hangup").click();
      page.visible("#wrapup-submit");
      assertEquals(0, uas.get(30, TimeUnit.SECONDS).exitCode());
      new Select(page.find("#disposition")).selectByValue("refused");
      new Select(page.find("#refusal-reason")).selectByValue("do_not_call");
      page.screenshot("preview-2-do-not-call");
      page.find("#wrapup-submit").click();

      CallRows rows = new CallRows(tawag());
      Map<String, Object> contact =
          rows.await(
              WAIT,
              "Ana's contact closed as do-not-call",
              m -> "dnc".equals(m.get("state")),
              "SELECT * FROM campaign_contacts WHERE campaign_id = ?",
              id);
      assertEquals("do_not_call", contact.get("refusal_reason"));
      assertEquals(
          "+15550124",
          rows.one("SELECT phone FROM do_not_call WHERE phone = ?", "+15550124").get("phone"));
      assertEquals(
          "alice",
          rows.one(
                  "SELECT agent FROM dial_attempts WHERE contact_id = ?",
                  ((Number) contact.get("id")).longValue())
              .get("agent"));
    }
  }
}
