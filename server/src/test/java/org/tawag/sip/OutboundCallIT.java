package org.tawag.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.call.EndReason;
import org.tawag.testing.Sipp;
import org.tawag.testing.TawagServerExtension;
import org.tawag.testing.TawagTestServer;

/** Calls Tawag places through a trunk, to a real SIPp UAS playing the PBX. */
@Timeout(90)
class OutboundCallIT {
  @RegisterExtension static final TawagServerExtension server = new TawagServerExtension();

  @TempDir Path work;

  static TawagTestServer tawag() {
    return server.get();
  }

  private CompletableFuture<Sipp.Result> uas(String scenario, String transport) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return Sipp.in(work)
                .run(
                    scenario,
                    null,
                    List.of(
                        "-i",
                        "127.0.0.1",
                        "-p",
                        String.valueOf(tawag().uasPort()),
                        "-t",
                        transport,
                        "-mp",
                        String.valueOf(tawag().sippMediaPort())),
                    30);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private void dialAndHangUp(String trunk, String transport) throws Exception {
    CompletableFuture<Sipp.Result> uas = uas("uas-digest.xml", transport);
    if (transport.startsWith("t")) {
      awaitTcpListener(tawag().uasPort());
    }
    OutboundCall call = dialWhenUasListens(trunk, "5551234");
    DialResult result = call.result().get(15, TimeUnit.SECONDS);
    if (!(result instanceof DialResult.Answered)) {
      throw new AssertionError(
          "not answered after the 407 challenge: "
              + result
              + "\n"
              + uas.get(40, TimeUnit.SECONDS).describe());
    }
    call.hangUp(EndReason.LOCAL_HANGUP);
    assertEquals(EndReason.LOCAL_HANGUP, call.ended().get(10, TimeUnit.SECONDS));
    Sipp.Result r = uas.get(40, TimeUnit.SECONDS);
    assertEquals(0, r.exitCode(), r.describe());
    assertDigestIsRight(r.messages());
  }

  /** Recomputes the digest response (RFC 2617 §3.2.2, no qop) from what SIPp received. */
  private static void assertDigestIsRight(String log) throws Exception {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "Proxy-Authorization: Digest .*?realm=\"([^\"]+)\".*?nonce=\"([^\"]+)\""
                    + ".*?uri=\"([^\"]+)\".*?response=\"([0-9a-f]{32})\"")
            .matcher(log);
    assertTrue(m.find(), "a Proxy-Authorization with realm, nonce, uri and response:\n" + log);
    String ha1 =
        md5(TawagTestServer.TRUNK_USER + ":" + m.group(1) + ":" + TawagTestServer.TRUNK_PASSWORD);
    String expected = md5(ha1 + ":" + m.group(2) + ":" + md5("INVITE:" + m.group(3)));
    assertEquals(expected, m.group(4), "digest response");
    assertTrue(log.contains("INVITE " + m.group(3) + " SIP/2.0"), "uri is the Request-URI");
  }

  private static String md5(String s) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("MD5")
                .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void answersA407ChallengeThenTalksAndHangsUp() throws Exception {
    dialAndHangUp("sipp-uas", "u1");
  }

  @Test
  void answersA407ChallengeOverTcp() throws Exception {
    dialAndHangUp("sipp-uas-tcp", "t1");
  }

  @Test
  void busyCalleeIsReportedAsBusy() throws Exception {
    CompletableFuture<Sipp.Result> uas = uas("uas-busy.xml", "u1");
    OutboundCall call = dialWhenUasListens("sipp-uas", "5550000");
    DialResult result = call.result().get(15, TimeUnit.SECONDS);
    assertEquals(new DialResult.Failed(DialResult.Cause.BUSY, 486, "Busy Here"), result);
    Sipp.Result r = uas.get(40, TimeUnit.SECONDS);
    assertEquals(0, r.exitCode(), r.describe());
  }

  @Test
  void ringTimeoutCancelsAndReportsNoAnswer() throws Exception {
    CompletableFuture<Sipp.Result> uas = uas("uas-ring-forever.xml", "u1");
    OutboundCall call =
        tawag()
            .server()
            .outbound()
            .dial(
                new DialRequest(
                    "sipp-uas",
                    "5550001",
                    Optional.empty(),
                    Optional.empty(),
                    Duration.ofSeconds(2)))
            .get(10, TimeUnit.SECONDS);
    DialResult result = call.result().get(15, TimeUnit.SECONDS);
    assertEquals(
        new DialResult.Failed(DialResult.Cause.NO_ANSWER, 487, "No answer within PT2S"), result);
    Sipp.Result r = uas.get(40, TimeUnit.SECONDS);
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.messages().contains("CANCEL sip:5550001@"), "Tawag sent CANCEL\n" + r.describe());
  }

  /** A TCP trunk must be listening before we connect; UDP INVITEs are simply retransmitted. */
  private static void awaitTcpListener(int port) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
        assertTrue(probe.isConnected());
        return;
      } catch (java.io.IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("SIPp never listened on TCP " + port);
        }
        java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
      }
    }
  }

  /**
   * Dials once SIPp has bound its port; SIPp gives no signal, so an INVITE that finds no listener
   * is simply retransmitted by the client transaction (RFC 3261 Timer A) until SIPp is up.
   */
  private OutboundCall dialWhenUasListens(String trunk, String number) throws Exception {
    return tawag()
        .server()
        .outbound()
        .dial(
            new DialRequest(
                trunk, number, Optional.empty(), Optional.empty(), Duration.ofSeconds(20)))
        .get(10, TimeUnit.SECONDS);
  }
}
