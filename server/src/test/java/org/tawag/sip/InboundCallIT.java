package org.tawag.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.media.AudioCodec;
import org.tawag.testing.RtpProbe;
import org.tawag.testing.Sipp;
import org.tawag.testing.TawagServerExtension;
import org.tawag.testing.TawagTestServer;
import org.tawag.testing.ToneDetector;

/** Trunk calls into Tawag over UDP, placed by real SIPp against a real server on loopback. */
@Timeout(90)
class InboundCallIT {
  @RegisterExtension static final TawagServerExtension server = new TawagServerExtension();

  @TempDir Path work;

  static TawagTestServer tawag() {
    return server.get();
  }

  static String target() {
    return "127.0.0.1:" + tawag().sipPort();
  }

  /** The echo number returns a 1 kHz tone we send, and sends silence before we do. */
  @Test
  void echoReturnsTheCallersTone() throws Exception {
    echoCall(work, "u1", tawag(), "uac-echo.xml");
  }

  /** INVITE without SDP: Tawag offers in the 200, the ACK answers, and the echo works. */
  @Test
  void lateOfferIsAnsweredInTheAck() throws Exception {
    echoCall(work, "u1", tawag(), "uac-late-offer.xml");
  }

  static void echoCall(Path work, String transport, TawagTestServer server, String scenario)
      throws Exception {
    try (RtpProbe probe = new RtpProbe()) {
      CompletableFuture<Sipp.Result> sipp =
          CompletableFuture.supplyAsync(
              () ->
                  runSipp(
                      server,
                      work,
                      scenario,
                      List.of(
                          "-s",
                          "600",
                          "-t",
                          transport,
                          "-key",
                          "rtp_port",
                          String.valueOf(probe.port()),
                          "-d",
                          "4000")));
      SocketAddress tawagRtp = probe.firstSource().get(10, TimeUnit.SECONDS);
      // Listen to 200 ms of what Tawag sends before we send anything: it must be silence.
      assertTrue(probe.awaitPackets(10, Duration.ofSeconds(2)), "Tawag keeps sending RTP");
      long toneStart = System.nanoTime();
      probe.sendTone(tawagRtp, AudioCodec.PCMU, 1000, 100).get(10, TimeUnit.SECONDS);

      List<RtpProbe.Packet> before =
          probe.received().stream().filter(p -> p.nanos() < toneStart).toList();
      List<RtpProbe.Packet> after = probe.receivedAfter(toneStart + 300_000_000L);
      assertTrue(
          before.size() >= 5, "Tawag sends RTP (silence) from the answer on: " + before.size());
      assertEquals(0, tonePackets(before), "no tone before the caller sends one");
      assertTrue(after.size() >= 40, "RTP keeps coming while the tone is sent: " + after.size());
      int tone = tonePackets(after);
      assertTrue(
          tone >= after.size() * 0.8,
          "echoed tone in " + tone + " of " + after.size() + " packets");
      assertEquals(0, after.stream().filter(p -> p.payloadType() != 0).count(), "PCMU negotiated");
      assertEquals(
          1, probe.received().stream().map(RtpProbe.Packet::ssrc).distinct().count(), "one SSRC");

      Sipp.Result r = sipp.get(30, TimeUnit.SECONDS);
      assertEquals(0, r.exitCode(), r.describe());
    }
  }

  private static int tonePackets(List<RtpProbe.Packet> packets) {
    int n = 0;
    for (RtpProbe.Packet p : packets) {
      if (p.payload().length >= 160
          && ToneDetector.hasTone(AudioCodec.PCMU, p.payload(), 0, 160, 1000)) {
        n++;
      }
    }
    return n;
  }

  @Test
  void cancelBeforeAnswerGets200Then487() throws Exception {
    Sipp.Result r = runSipp(work, "uac-cancel.xml", List.of("-s", "801"));
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.messages().contains("SIP/2.0 487"), r.describe());
  }

  @Test
  void serverHangsUpWhenTheAnnouncementEnds() throws Exception {
    Sipp.Result r = runSipp(work, "uac-server-hangs-up.xml", List.of("-s", "701"));
    assertEquals(0, r.exitCode(), r.describe());
  }

  @Test
  void optionsKeepaliveGets200WithAllow() throws Exception {
    Sipp.Result r = runSipp(work, "options.xml", List.of());
    assertEquals(0, r.exitCode(), r.describe());
  }

  /**
   * Hold (sendonly) is answered recvonly, resume sendrecv (RFC 3264 §8.4), and a session refresh
   * that changes nothing gets the same o= version (RFC 3264 §8).
   */
  @Test
  void holdResumeAndRefreshByReInvite() throws Exception {
    Sipp.Result r = runSipp(work, "uac-hold-resume.xml", List.of("-s", "600"));
    assertEquals(0, r.exitCode(), r.describe());
    List<Long> versions = originVersionsOfReceived200s(r.messages());
    assertEquals(4, versions.size(), "four 200s with SDP: " + versions + "\n" + r.describe());
    assertEquals(versions.get(0) + 1, versions.get(1), "hold changes the SDP: version +1");
    assertEquals(versions.get(1) + 1, versions.get(2), "resume changes it back: version +1");
    assertEquals(versions.get(2), versions.get(3), "an unchanged refresh keeps the version");
  }

  /**
   * The o= versions of the 200s to INVITEs, one per CSeq: a 200 retransmitted because the ACK was
   * late (RFC 3261 §13.3.1.4, likely on a loaded machine) is the same answer, counted once.
   */
  static List<Long> originVersionsOfReceived200s(String messageLog) {
    Pattern origin = Pattern.compile("(?m)^o=\\S+ \\S+ (\\d+) ");
    Pattern cseq = Pattern.compile("(?mi)^CSeq:\\s*(\\d+)\\s+INVITE");
    java.util.Map<Long, Long> byCseq = new java.util.LinkedHashMap<>();
    for (String chunk : messageLog.split("message received")) {
      int start = chunk.indexOf("SIP/2.0 200");
      if (start < 0) {
        continue;
      }
      Matcher c = cseq.matcher(chunk.substring(start));
      Matcher m = origin.matcher(chunk.substring(start));
      if (c.find() && m.find()) {
        byCseq.putIfAbsent(Long.parseLong(c.group(1)), Long.parseLong(m.group(1)));
      }
    }
    return List.copyOf(byCseq.values());
  }

  /** The echo trunk test README gives admins: SIPp plays recorded speech and hangs up. */
  @Test
  void adminEchoScenarioFromReadmeSucceeds() throws Exception {
    Sipp.Result r = runSipp(work, "call-echo.xml", List.of("-s", "600"));
    assertEquals(0, r.exitCode(), r.describe());
  }

  /** Digit 2 from SIPp's RFC 4733 pcap picks the goodbye branch, reported exactly once. */
  @Test
  void ivrBranchIsChosenByRfc4733Digit() throws Exception {
    int before = tawag().events().values("digit").size();
    Sipp.Result r =
        runSipp(
            work,
            "call-ivr-press-2.xml",
            List.of("-s", "700", "-mp", String.valueOf(tawag().sippMediaPort())));
    assertEquals(0, r.exitCode(), r.describe());
    List<String> digits = tawag().events().values("digit");
    assertEquals(List.of("2"), digits.subList(before, digits.size()), "one digit, deduplicated");
    List<String> routes = tawag().events().values("route");
    assertEquals("goodbye", routes.get(routes.size() - 1), "the goodbye branch ran: " + routes);
  }

  static Sipp.Result runSipp(Path work, String scenario, List<String> args) {
    return runSipp(tawag(), work, scenario, args);
  }

  static Sipp.Result runSipp(
      TawagTestServer server, Path work, String scenario, List<String> args) {
    try {
      List<String> all =
          new java.util.ArrayList<>(
              List.of(
                  "-i",
                  "127.0.0.1",
                  "-p",
                  String.valueOf(org.tawag.testing.FreePorts.udpAndTcp())));
      all.addAll(args);
      if (!all.contains("-mp")) {
        all.addAll(List.of("-mp", String.valueOf(server.sippMediaPort())));
      }
      return Sipp.in(work).run(scenario, "127.0.0.1:" + server.sipPort(), all, 40);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Duration seconds(int s) {
    return Duration.ofSeconds(s);
  }
}
