package org.tawag.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.testing.FreePorts;
import org.tawag.testing.RawSip;
import org.tawag.testing.Sipp;
import org.tawag.testing.TawagServerExtension;
import org.tawag.testing.TawagTestServer;

/**
 * Hostile and broken input on the wire gets the right error, and the next good call still works
 * (each test ends with a real SIPp call that must succeed).
 */
@Timeout(90)
class BadInputIT {
  static final Duration WAIT = Duration.ofSeconds(5);

  @RegisterExtension
  static final TawagServerExtension server = new TawagServerExtension("tawag.sip.max-calls = 1");

  @TempDir Path work;

  static TawagTestServer tawag() {
    return server.get();
  }

  @Test
  void garbageDatagramIsIgnoredAndServerKeepsServing() throws Exception {
    try (RawSip raw = new RawSip("127.0.0.1")) {
      raw.sendBytes(
          "\u0000\u00ff\u0013 not SIP at all \r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
          tawag().sipPort());
      raw.sendBytes(new byte[] {(byte) 0x80, 0, 0, 1, 2, 3}, tawag().sipPort());
    }
    goodCallSucceeds();
  }

  @Test
  void malformedInviteGets400AndServerKeepsServing() throws Exception {
    try (RawSip raw = new RawSip("127.0.0.1")) {
      String bad =
          raw.invite("600", tawag().sipPort(), RawSip.sdp("0"))
              .replace("CSeq: 1 INVITE", "CSeq: one INVITE");
      raw.send(bad, tawag().sipPort());
      Optional<String> response = raw.finalResponse(WAIT);
      assertTrue(response.isPresent(), "a response to the malformed INVITE");
      assertTrue(response.get().startsWith("SIP/2.0 400"), response.get());
    }
    goodCallSucceeds();
  }

  @Test
  void inviteFromOutsideEveryTrunkGets403() throws Exception {
    try (RawSip raw = new RawSip("127.0.0.2")) {
      raw.send(raw.invite("600", tawag().sipPort(), RawSip.sdp("0")), tawag().sipPort());
      assertStatus(raw, 403);
    }
    goodCallSucceeds();
  }

  @Test
  void offerWithoutACommonCodecGets488() throws Exception {
    try (RawSip raw = new RawSip("127.0.0.1")) {
      raw.send(raw.invite("600", tawag().sipPort(), RawSip.sdp("18")), tawag().sipPort());
      String r = assertStatus(raw, 488);
      assertTrue(r.contains("Warning: 305"), "488 says why in Warning 305: " + r);
    }
    goodCallSucceeds();
  }

  @Test
  void requiredExtensionWeLackGets420WithUnsupported() throws Exception {
    try (RawSip raw = new RawSip("127.0.0.1")) {
      String invite =
          raw.invite("600", tawag().sipPort(), RawSip.sdp("0"))
              .replace("Max-Forwards: 70", "Max-Forwards: 70\nRequire: 100rel");
      raw.send(invite, tawag().sipPort());
      String r = assertStatus(raw, 420);
      assertTrue(r.contains("Unsupported: 100rel"), "420 names what we lack: " + r);
    }
  }

  @Test
  void unknownNumberGets404() throws Exception {
    try (RawSip raw = new RawSip("127.0.0.1")) {
      raw.send(raw.invite("99999", tawag().sipPort(), RawSip.sdp("0")), tawag().sipPort());
      assertStatus(raw, 404);
    }
  }

  @Test
  void rejectTargetSendsItsCode() throws Exception {
    try (RawSip raw = new RawSip("127.0.0.1")) {
      raw.send(raw.invite("486", tawag().sipPort(), RawSip.sdp("0")), tawag().sipPort());
      assertStatus(raw, 486);
    }
  }

  @Test
  void unknownMethodGets501AndKnownUnsupportedGets405() throws Exception {
    try (RawSip raw = new RawSip("127.0.0.1")) {
      raw.send(request(raw, "FROBNICATE"), tawag().sipPort());
      assertStatus(raw, 501);
      raw.send(request(raw, "SUBSCRIBE"), tawag().sipPort());
      String r = assertStatus(raw, 405);
      assertTrue(r.contains("Allow:") && r.contains("INVITE"), "405 lists what we allow: " + r);
    }
  }

  @Test
  void byeForUnknownDialogGets481() throws Exception {
    try (RawSip raw = new RawSip("127.0.0.1")) {
      raw.send(
          request(raw, "BYE")
              .replace("To: <sip:600@127.0.0.1>", "To: <sip:600@127.0.0.1>;tag=nope"),
          tawag().sipPort());
      assertStatus(raw, 481);
    }
  }

  @Test
  void overTheCallLimitGets503WithRetryAfter() throws Exception {
    try (RawSip first = new RawSip("127.0.0.1");
        RawSip second = new RawSip("127.0.0.1")) {
      // Queue number 801 rings until an agent answers (none is logged in), holding the only slot.
      String ringing = first.invite("801", tawag().sipPort(), RawSip.sdp("0"));
      first.send(ringing, tawag().sipPort());
      waitForActiveCalls(1);
      second.send(second.invite("600", tawag().sipPort(), RawSip.sdp("0")), tawag().sipPort());
      String r = assertStatus(second, 503);
      assertTrue(r.contains("Retry-After: 30"), "503 carries Retry-After: " + r);
      // Free the slot: cancel the ringing call.
      first.send(cancelFor(ringing), tawag().sipPort());
      String cancelled = first.finalResponse(WAIT).orElseThrow();
      assertTrue(
          cancelled.startsWith("SIP/2.0 200") || cancelled.startsWith("SIP/2.0 487"), cancelled);
    }
    waitForActiveCalls(0);
    goodCallSucceeds();
  }

  private static void waitForActiveCalls(int n) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (tawag().server().sip().activeCalls() != n) {
      assertTrue(System.nanoTime() < deadline, "active calls never became " + n);
      java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
    }
  }

  private static String cancelFor(String invite) {
    String head =
        invite.substring(0, invite.indexOf("\n\n") < 0 ? invite.length() : invite.indexOf("\n\n"));
    StringBuilder sb = new StringBuilder();
    for (String line : head.split("\n")) {
      if (line.startsWith("INVITE ")) {
        sb.append(line.replaceFirst("^INVITE", "CANCEL"));
      } else if (line.startsWith("CSeq:")) {
        sb.append("CSeq: 1 CANCEL");
      } else if (line.startsWith("Content-Type")
          || line.startsWith("Content-Length")
          || line.startsWith("Contact")) {
        continue;
      } else {
        sb.append(line);
      }
      sb.append('\n');
    }
    return sb.append("Content-Length: 0\n\n").toString();
  }

  private static String request(RawSip raw, String method) {
    return """
        %1$s sip:600@127.0.0.1:%2$d SIP/2.0
        Via: SIP/2.0/UDP 127.0.0.1:%3$d;branch=z9hG4bK-%4$s
        From: <sip:probe@127.0.0.1:%3$d>;tag=raw1
        To: <sip:600@127.0.0.1>
        Call-ID: %4$s@test
        CSeq: 1 %1$s
        Max-Forwards: 70
        Content-Length: 0

        """
        .formatted(method, tawag().sipPort(), raw.port(), java.util.UUID.randomUUID());
  }

  private static String assertStatus(RawSip raw, int status) throws Exception {
    Optional<String> r = raw.finalResponse(WAIT);
    assertTrue(r.isPresent(), "no final response, expected " + status);
    assertTrue(
        r.get().startsWith("SIP/2.0 " + status), "expected " + status + ", got:\n" + r.get());
    return r.get();
  }

  private void goodCallSucceeds() throws Exception {
    Sipp.Result r =
        Sipp.in(work)
            .run(
                "uac-server-hangs-up.xml",
                "127.0.0.1:" + tawag().sipPort(),
                List.of(
                    "-s",
                    "701",
                    "-i",
                    "127.0.0.1",
                    "-p",
                    String.valueOf(FreePorts.udpAndTcp()),
                    "-mp",
                    String.valueOf(tawag().sippMediaPort())),
                30);
    assertEquals(0, r.exitCode(), "the next good call succeeds\n" + r.describe());
  }
}
