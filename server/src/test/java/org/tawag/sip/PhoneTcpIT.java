package org.tawag.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tawag.call.EndReason;
import org.tawag.sip.registrar.DigestMath;
import org.tawag.sip.registrar.PhonePresence;

/**
 * A phone on TCP, written by hand since a SIPp run cannot keep its connection for a second run: it
 * registers over one connection, and Tawag's INVITE, ACK and BYE must come back over that same
 * connection (the phone's flow), though its Contacts name port 9.
 */
@Timeout(60)
class PhoneTcpIT {
  static PhoneTestServer tawag;

  @BeforeAll
  static void start() throws Exception {
    tawag = PhoneTestServer.start(Files.createTempDirectory("tawag-phones-"), PhonePresence.NONE);
  }

  @AfterAll
  static void stop() {
    if (tawag != null) {
      tawag.close();
    }
  }

  @Test
  void callReachesAPhoneOverTheConnectionItRegisteredOn() throws Exception {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress("127.0.0.2", 0));
      socket.connect(new InetSocketAddress("127.0.0.1", tawag.sipPort()), 5000);
      socket.setSoTimeout(10_000);
      TcpPhone bob = new TcpPhone(socket, "bob");
      bob.register(PhoneTestServer.PASSWORDS.get("bob"));
      assertEquals("tcp", tawag.phones().find("bob").orElseThrow().transport());

      OutboundCall call =
          tawag
              .sip()
              .outbound()
              .dialPhone(new PhoneDial("bob", Optional.empty(), Duration.ofSeconds(20)))
              .get(10, TimeUnit.SECONDS);
      String invite = bob.read();
      assertTrue(
          invite.startsWith("INVITE sip:bob@127.0.0.2:9;transport=tcp SIP/2.0"),
          "INVITE:\n" + invite);
      bob.answer(invite, tawag.sippMediaPort());
      assertInstanceOf(DialResult.Answered.class, call.result().get(10, TimeUnit.SECONDS));
      assertTrue(bob.read().startsWith("ACK "), "ACK over the same connection");

      call.hangUp(EndReason.LOCAL_HANGUP);
      String bye = bob.read();
      assertTrue(bye.startsWith("BYE "), "BYE over the same connection:\n" + bye);
      bob.send(TcpPhone.responseTo(bye, "200 OK", null, ""));
      assertEquals(EndReason.LOCAL_HANGUP, call.ended().get(10, TimeUnit.SECONDS));
    }
  }

  /** A minimal SIP phone over one TCP connection. */
  private static final class TcpPhone {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String user;
    private final String callId = UUID.randomUUID().toString();
    private int cseq = 1;

    TcpPhone(Socket socket, String user) throws IOException {
      this.socket = socket;
      this.in = new BufferedInputStream(socket.getInputStream());
      this.out = socket.getOutputStream();
      this.user = user;
    }

    String uri() {
      return "sip:127.0.0.1:" + tawag.sipPort();
    }

    void register(String password) throws IOException {
      send(registerRequest(""));
      String challenge = read();
      assertTrue(challenge.startsWith("SIP/2.0 401"), challenge);
      Matcher m = Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge);
      assertTrue(m.find(), challenge);
      String nonce = m.group(1);
      String response =
          DigestMath.response(
              DigestMath.ha1(user, "tawag", password),
              nonce,
              "00000001",
              "f00d",
              "REGISTER",
              uri());
      send(
          registerRequest(
              ("Authorization: Digest username=\"%s\", realm=\"tawag\", nonce=\"%s\", uri=\"%s\","
                      + " response=\"%s\", algorithm=MD5, qop=auth, nc=00000001,"
                      + " cnonce=\"f00d\"\r\n")
                  .formatted(user, nonce, uri(), response)));
      String ok = read();
      assertTrue(ok.startsWith("SIP/2.0 200"), ok);
    }

    private String registerRequest(String auth) {
      return ("REGISTER %s SIP/2.0\r\n"
              + "Via: SIP/2.0/TCP 127.0.0.2:%d;branch=z9hG4bK-%s\r\n"
              + "From: <sip:%s@127.0.0.1>;tag=t%d\r\n"
              + "To: <sip:%s@127.0.0.1>\r\n"
              + "Call-ID: %s\r\n"
              + "CSeq: %d REGISTER\r\n"
              + "Contact: <sip:%s@127.0.0.2:9;transport=tcp>\r\n"
              + "Expires: 120\r\n"
              + "Max-Forwards: 70\r\n"
              + "%s"
              + "Content-Length: 0\r\n\r\n")
          .formatted(
              uri(),
              socket.getLocalPort(),
              UUID.randomUUID(),
              user,
              callId.hashCode() & 0xffff,
              user,
              callId,
              cseq++,
              user,
              auth);
    }

    void answer(String invite, int mediaPort) throws IOException {
      String sdp =
          "v=0\r\no=- 1 1 IN IP4 127.0.0.2\r\ns=-\r\nc=IN IP4 127.0.0.2\r\nt=0 0\r\n"
              + "m=audio "
              + mediaPort
              + " RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\n";
      send(
          responseTo(
              invite,
              "200 OK",
              "Contact: <sip:"
                  + user
                  + "@127.0.0.2:9;transport=tcp>\r\n"
                  + "Content-Type: application/sdp\r\n",
              sdp));
    }

    /** A response echoing Via, From, To (with our tag), Call-ID and CSeq. */
    static String responseTo(String request, String status, String extra, String body) {
      StringBuilder sb = new StringBuilder("SIP/2.0 ").append(status).append("\r\n");
      for (String line : request.split("\r\n")) {
        String name = line.contains(":") ? line.substring(0, line.indexOf(':')) : "";
        switch (name.toLowerCase(Locale.ROOT)) {
          case "via", "from", "call-id", "cseq" -> sb.append(line).append("\r\n");
          case "to" ->
              sb.append(line.contains("tag=") ? line : line + ";tag=phone1").append("\r\n");
          default -> {}
        }
      }
      if (extra != null) {
        sb.append(extra);
      }
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      return sb.append("Content-Length: ")
          .append(b.length)
          .append("\r\n\r\n")
          .append(body)
          .toString();
    }

    void send(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    /** The next SIP message on the connection (head and body). */
    String read() throws IOException {
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int c = in.read();
        if (c < 0) {
          throw new IOException("connection closed after:\n" + head);
        }
        if (head.length() == 0 && (c == '\r' || c == '\n')) {
          continue; // Keep-alive CRLFs between messages (RFC 5626 §3.5.1).
        }
        head.append((char) c);
      }
      Matcher m =
          Pattern.compile("(?im)^(?:Content-Length|l)\\s*:\\s*(\\d+)").matcher(head.toString());
      int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
      byte[] body = in.readNBytes(length);
      return head + new String(body, StandardCharsets.UTF_8);
    }
  }
}
