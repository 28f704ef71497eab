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

/**
 * The operator page end to end in headless Chromium: the operator signs in through the page and
 * goes ready; SIPp calls the support queue while an RTP probe sends 1000 Hz; the operator answers
 * in the page; the page hears 1000 Hz and the caller hears the browser's fake microphone (1500 Hz);
 * the order form shows a bad phone's error next to the field, then saves; the wrap-up files the
 * call as agreed and the call record points to the order.
 */
class OperatorPageBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String PASSWORD = "operator-pass-1";

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
  @Timeout(120)
  void operatorAnswersInThePageTonesCrossAndTheOrderIsFiled() throws Exception {
    Path wav = Browser.toneWav(work.resolve("mic-1500hz.wav"), 1500, 10);
    try (Browser page = Browser.start(wav, work.resolve("profile"), WAIT);
        RtpProbe caller = new RtpProbe()) {
      page.open("http://127.0.0.1:" + tawag().server().httpPort() + "/?test=1");
      page.screenshot("1-sign-in");
      page.type("#username", "alice");
      page.type("#password", PASSWORD);
      page.find("#login").click();
      page.textContains("#connection", "connected");
      page.find("#ready").click();
      page.textContains("#state-label", "ready");
      page.waitFor(d -> "running".equals(page.script("return __tawagAudio.contextState")));

      CompletableFuture<Sipp.Result> sipp = call(caller, 12_000);
      page.visible("#answer");
      page.textContains("#offer-caller", "+15550100");
      page.textContains("#offer-queue", "support");
      page.screenshot("2-incoming-call");
      page.find("#answer").click();
      page.visible("#hangup");
      page.textContains("#state-label", "on call");

      SocketAddress tawagRtp = caller.firstSource().get(10, TimeUnit.SECONDS);
      long start = System.nanoTime();
      caller.sendTone(tawagRtp, AudioCodec.PCMU, 1000, 150).get(10, TimeUnit.SECONDS);
      long end = System.nanoTime();
      // The playback worklet reports every 25 frames: 150 sent, at least 100 with the tone.
      page.waitFor(d -> page.audioStat("rxToneFrames") >= 100 ? Boolean.TRUE : null);
      // The quality indicator grades the call from the page's frames and the server's report.
      page.waitFor(
          d ->
              page.script(
                  "const q = document.getElementById('quality');"
                      + " return q.dataset.grade && q.textContent.includes('caller') ? true : null;"));
      long fromBrowser = caller.tonePackets(start + 500_000_000L, end, 1500);
      assertTrue(
          fromBrowser >= 75,
          "the caller hears the operator's 1500 Hz microphone in "
              + fromBrowser
              + " of "
              + caller.receivedAfter(start + 500_000_000L).size()
              + " packets; page audio "
              + page.script("return JSON.stringify(__tawagAudio)"));
      page.screenshot("3-in-call");

      // A bad phone: the error shows next to the field and what was typed stays.
      page.type("[name=fullName]", "Maria Santos");
      page.type("[name=phone]", "not a phone");
      page.type("[name='address.city']", "Quezon City");
      page.type("[name='address.street']", "Mabini St");
      page.type("[name='address.house']", "12");
      new Select(page.find("[name=serviceType]")).selectByValue("internet");
      page.find("#save-order").click();
      page.waitFor(
          d -> page.find(".field-error[data-for=phone]").getText().isEmpty() ? null : true);
      assertEquals("Maria Santos", page.find("[name=fullName]").getAttribute("value"));
      assertEquals("not a phone", page.find("[name=phone]").getAttribute("value"));
      assertEquals("true", page.find("[name=phone]").getAttribute("aria-invalid"));
      page.screenshot("4-order-field-error");

      page.type("[name=phone]", "+15550100");
      page.find("#save-order").click();
      page.textContains("#order-saved", "saved");
      String orderId = page.find("#order-id").getText();
      assertFalse(orderId.isBlank(), "the saved order's id is shown");
      assertTrue(page.find(".field-error[data-for=phone]").getText().isEmpty());

      // SIPp hangs up after its pause: wrap-up, agreed with the order.
      page.visible("#wrapup-submit");
      page.textContains("#state-label", "wrap-up");
      new Select(page.find("#disposition")).selectByValue("agreed");
      page.screenshot("5-wrap-up");
      page.find("#wrapup-submit").click();
      page.textContains("#state-label", "ready");
      page.visible("#idle-view");
      page.screenshot("6-ready-again");

      Sipp.Result r = sipp.get(30, TimeUnit.SECONDS);
      assertEquals(0, r.exitCode(), r.describe());
      String callId = callIdOf(orderId);
      Map<String, Object> row = new CallRows(tawag()).finishedCall(WAIT, callId, true);
      assertEquals("agreed", row.get("disposition"));
      assertEquals(orderId, row.get("order_id"));
      assertEquals("alice", row.get("agent"));
    }
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
                    String.valueOf(tawag().sippMediaPort()),
                    "-key",
                    "rtp_port",
                    String.valueOf(probe.port()),
                    "-d",
                    String.valueOf(holdMillis));
            return Sipp.in(work).run("uac-echo.xml", "127.0.0.1:" + tawag().sipPort(), args, 60);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** The call filed with the order: the call record that names the order. */
  private static String callIdOf(String orderId) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      Map<String, Object> row =
          new CallRows(tawag()).one("SELECT * FROM calls WHERE order_id = ?", orderId);
      if (row != null) {
        return (String) row.get("id");
      }
      assertTrue(System.nanoTime() < deadline, "no call record points to order " + orderId);
      Thread.sleep(100);
    }
  }
}
