package org.tawag.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends hand-written SIP datagrams, for the malformed and hostile input no SIPp scenario can
 * produce, and reads back the final response.
 */
public final class RawSip implements AutoCloseable {
  private final DatagramSocket socket;

  /** A socket on {@code localAddress} (any 127.x.y.z works on Linux loopback). */
  public RawSip(String localAddress) throws IOException {
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
  }

  public int port() {
    return socket.getLocalPort();
  }

  public String address() {
    return socket.getLocalAddress().getHostAddress();
  }

  /** Sends {@code text} with LF turned into CRLF, as SIP wants (RFC 3261 §7). */
  public void send(String text, int port) throws IOException {
    sendBytes(
        text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), port);
  }

  public void sendBytes(byte[] bytes, int port) throws IOException {
    socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
  }

  /** The first final (non-1xx) response within {@code timeout}, or empty. */
  public Optional<String> finalResponse(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    byte[] buf = new byte[8192];
    while (true) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return Optional.empty();
      }
      socket.setSoTimeout((int) Math.max(1, left));
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      try {
        socket.receive(p);
      } catch (SocketTimeoutException e) {
        return Optional.empty();
      }
      String text = new String(buf, 0, p.getLength(), StandardCharsets.UTF_8);
      if (text.startsWith("SIP/2.0 ") && text.charAt(8) != '1') {
        return Optional.of(text);
      }
    }
  }

  /** An INVITE from this socket to {@code number}, with {@code sdp} as body. */
  public String invite(String number, int serverPort, String sdp) {
    String callId = UUID.randomUUID() + "@test";
    return """
        INVITE sip:%1$s@127.0.0.1:%2$d SIP/2.0
        Via: SIP/2.0/UDP %3$s:%4$d;branch=z9hG4bK-%5$s;rport
        From: <sip:+15550100@%3$s:%4$d>;tag=raw%6$d
        To: <sip:%1$s@127.0.0.1:%2$d>
        Call-ID: %7$s
        CSeq: 1 INVITE
        Contact: <sip:raw@%3$s:%4$d>
        Max-Forwards: 70
        Content-Type: application/sdp
        Content-Length: %8$d

        %9$s"""
        .formatted(
            number,
            serverPort,
            address(),
            port(),
            UUID.randomUUID(),
            System.nanoTime() % 100000,
            callId,
            sdp.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8).length,
            sdp);
  }

  /** An SDP offer for {@code payloadTypes} ("0 101", "18"), RTP to a port nobody reads. */
  public static String sdp(String payloadTypes) {
    return """
        v=0
        o=- 1 1 IN IP4 127.0.0.1
        s=-
        c=IN IP4 127.0.0.1
        t=0 0
        m=audio 4000 RTP/AVP %s
        """
        .formatted(payloadTypes);
  }

  @Override
  public void close() {
    socket.close();
  }
}
