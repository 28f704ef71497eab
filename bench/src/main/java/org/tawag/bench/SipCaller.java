package org.tawag.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * The SIP side of the load, on one thread: places the calls at the configured rate over UDP
 * (INVITE with a PCMU offer, ACK, BYE after the hold), retransmits per RFC 3261 §17.1 (T1 = 500 ms
 * doubling, capped at T2 = 4 s for BYE; 32 s timeout), answers BYE and OPTIONS from Tawag, and
 * switches each call's RTP on and off.
 */
final class SipCaller implements Runnable {
  private static final long T1 = TimeUnit.MILLISECONDS.toNanos(500);
  private static final long T2 = TimeUnit.SECONDS.toNanos(4);
  private static final long TIMER_B = TimeUnit.SECONDS.toNanos(32);

  private enum Kind {
    RETRANSMIT,
    TIMEOUT,
    STOP_MEDIA,
    SEND_BYE
  }

  private record Timer(long at, EchoCall call, Kind kind, int generation)
      implements Comparable<Timer> {
    @Override
    public int compareTo(Timer o) {
      return Long.compare(at, o.at);
    }
  }

  private final LoadConfig config;
  private final EchoCall[] calls;
  private final DatagramChannel sip;
  private final String local;
  private final String runId;
  private final Map<String, EchoCall> byCallId = new HashMap<>();
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private final ByteBuffer in = ByteBuffer.allocate(65536);
  private final long deadlineNanos;

  private int started;
  private int finished;
  /** Calls answered and not yet hung up; written by the SIP thread only, read by probes. */
  private volatile int answered;
  private int maxAnswered;
  private long startNanos;

  SipCaller(LoadConfig config, EchoCall[] calls, DatagramChannel sip, String runId)
      throws IOException {
    this.config = config;
    this.calls = calls;
    this.sip = sip;
    InetSocketAddress bound = (InetSocketAddress) sip.getLocalAddress();
    this.local = bound.getAddress().getHostAddress() + ":" + bound.getPort();
    this.runId = runId;
    long rampNanos = (long) (config.calls() / config.rate() * 1e9);
    this.deadlineNanos =
        System.nanoTime()
            + rampNanos
            + TimeUnit.MILLISECONDS.toNanos(config.holdMillis() + config.drainMillis())
            + TimeUnit.SECONDS.toNanos(70);
  }

  /** Calls answered and not yet hung up now (any thread). */
  int answeredNow() {
    return answered;
  }

  /** The Call-ID of call {@code index} of run {@code runId}, known before its INVITE leaves. */
  static String callIdOf(int index, String runId) {
    return "b" + index + "-" + runId + "@127.0.0.1";
  }

  /** The most calls answered and not yet hung up at one time. */
  int maxAnswered() {
    return maxAnswered;
  }

  @Override
  public void run() {
    try (Selector selector = Selector.open()) {
      sip.configureBlocking(false);
      sip.register(selector, SelectionKey.OP_READ);
      startNanos = System.nanoTime();
      long interval = (long) (1e9 / config.rate());
      while (finished < calls.length && !Thread.currentThread().isInterrupted()) {
        long now = System.nanoTime();
        if (now > deadlineNanos) {
          for (EchoCall c : calls) {
            if (c.state != EchoCall.State.DONE) {
              fail(c, "run deadline passed in state " + c.state);
            }
          }
          break;
        }
        long next = Math.min(now + TimeUnit.MILLISECONDS.toNanos(5), deadlineNanos);
        if (started < calls.length && !inFlightFull()) {
          next = Math.min(next, startNanos + started * interval);
        }
        if (!timers.isEmpty()) {
          next = Math.min(next, timers.peek().at());
        }
        long waitMs = Math.max(0, (next - now) / 1_000_000);
        if (waitMs > 0) {
          selector.select(waitMs);
        } else {
          selector.selectNow();
        }
        selector.selectedKeys().clear();
        readAll();
        now = System.nanoTime();
        while (started < calls.length
            && now >= startNanos + started * interval
            && !inFlightFull()) {
          invite(calls[started++], now);
        }
        while (!timers.isEmpty() && timers.peek().at() <= now) {
          fire(timers.poll(), now);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("SIP socket failed", e);
    }
  }

  private boolean inFlightFull() {
    return config.inFlight() > 0 && started - finished >= config.inFlight();
  }

  private void readAll() throws IOException {
    while (true) {
      in.clear();
      InetSocketAddress from = (InetSocketAddress) sip.receive(in);
      if (from == null) {
        return;
      }
      SipMessage.parse(in.array(), in.position()).ifPresent(m -> handle(m, from));
    }
  }

  private void handle(SipMessage m, InetSocketAddress from) {
    EchoCall c = byCallId.get(m.header("call-id"));
    long now = System.nanoTime();
    if (!m.isResponse()) {
      request(m, c, from, now);
      return;
    }
    if (c == null) {
      return;
    }
    int status = m.status();
    if (m.cseqMethod().equals("INVITE")) {
      inviteResponse(c, m, status, now);
    } else if (m.cseqMethod().equals("BYE") && c.state == EchoCall.State.HANGING_UP) {
      if (status >= 200) {
        if (status >= 300) {
          fail(c, "BYE answered " + status);
        } else {
          done(c);
        }
      }
    }
  }

  private void inviteResponse(EchoCall c, SipMessage m, int status, long now) {
    if (status < 200) {
      if (status == 100 && c.tryingNanos < 0) {
        c.tryingNanos = now;
      } else if (status >= 180 && c.ringNanos < 0) {
        c.ringNanos = now;
      }
      if (c.state == EchoCall.State.CALLING) {
        c.state = EchoCall.State.PROCEEDING;
        c.timerGeneration++; // a provisional response stops INVITE retransmissions (§17.1.1.2)
        timers.add(new Timer(c.inviteNanos + TIMER_B, c, Kind.TIMEOUT, c.timerGeneration));
      }
      return;
    }
    if (status >= 300) {
      if (c.state == EchoCall.State.CALLING || c.state == EchoCall.State.PROCEEDING) {
        send(nonSuccessAck(c, m.header("to")));
        fail(c, "INVITE answered " + status);
      }
      return;
    }
    if (c.state != EchoCall.State.CALLING && c.state != EchoCall.State.PROCEEDING) {
      if (c.ack != null) {
        send(c.ack); // a retransmitted 200: the ACK was lost (§13.2.2.4)
      }
      return;
    }
    c.toHeader = m.header("to");
    c.remoteTarget = SipMessage.uriOf(m.header("contact"));
    InetSocketAddress media = sdpAudio(m.body());
    c.ack = ack(c);
    send(c.ack);
    c.answerNanos = now;
    c.timerGeneration++;
    if (c.remoteTarget.isEmpty() || media == null) {
      c.failure = "200 OK without Contact or a PCMU audio answer";
      if (!c.remoteTarget.isEmpty()) {
        bye(c, now);
      } else {
        done(c);
      }
      return;
    }
    c.state = EchoCall.State.ANSWERED;
    answered++;
    maxAnswered = Math.max(maxAnswered, answered);
    try {
      // Connected, so the kernel filters out other sources and send/receive skip the address.
      c.rtp.connect(media);
    } catch (IOException e) {
      c.failure = "cannot connect RTP socket to " + media + ": " + e;
      answered--;
      bye(c, now);
      return;
    }
    c.remoteRtp = media;
    c.mediaStartNanos = now;
    c.sending = true;
    timers.add(
        new Timer(
            now + TimeUnit.MILLISECONDS.toNanos(config.holdMillis()),
            c,
            Kind.STOP_MEDIA,
            c.timerGeneration));
  }

  private void request(SipMessage m, EchoCall c, InetSocketAddress from, long now) {
    String method = m.method();
    if (method.equals("ACK")) {
      return;
    }
    int status = method.equals("BYE") || method.equals("OPTIONS") || method.equals("INFO")
        ? 200 : 501;
    StringBuilder r = new StringBuilder("SIP/2.0 ").append(status);
    r.append(status == 200 ? " OK" : " Not Implemented").append("\r\n");
    for (String via : m.headers("via")) {
      r.append("Via: ").append(via).append("\r\n");
    }
    r.append("From: ").append(m.header("from")).append("\r\n");
    r.append("To: ").append(m.header("to")).append("\r\n");
    r.append("Call-ID: ").append(m.header("call-id")).append("\r\n");
    r.append("CSeq: ").append(m.header("cseq")).append("\r\n");
    r.append("Content-Length: 0\r\n\r\n");
    sendTo(r.toString().getBytes(StandardCharsets.UTF_8), from);
    if (method.equals("BYE") && c != null && c.state != EchoCall.State.DONE) {
      c.sending = false;
      if (c.state == EchoCall.State.ANSWERED) {
        answered--;
      }
      long heldMs = c.answerNanos < 0 ? -1 : (now - c.answerNanos) / 1_000_000;
      fail(c, "Tawag sent BYE after " + heldMs + " ms");
    }
  }

  private void fire(Timer t, long now) {
    EchoCall c = t.call();
    if (t.generation() != c.timerGeneration || c.state == EchoCall.State.DONE) {
      return;
    }
    switch (t.kind()) {
      case RETRANSMIT -> {
        send(c.pending);
        boolean invite = c.state == EchoCall.State.CALLING;
        c.retransmitNanos = invite ? c.retransmitNanos * 2 : Math.min(c.retransmitNanos * 2, T2);
        timers.add(new Timer(now + c.retransmitNanos, c, Kind.RETRANSMIT, c.timerGeneration));
      }
      case TIMEOUT -> {
        c.sending = false;
        if (c.state == EchoCall.State.ANSWERED) {
          answered--;
        }
        fail(c, "no final response to " + (c.state == EchoCall.State.HANGING_UP ? "BYE" : "INVITE"));
      }
      case STOP_MEDIA -> {
        c.sending = false;
        timers.add(
            new Timer(
                now + TimeUnit.MILLISECONDS.toNanos(config.drainMillis()),
                c,
                Kind.SEND_BYE,
                c.timerGeneration));
      }
      case SEND_BYE -> {
        answered--;
        bye(c, now);
      }
    }
  }

  private void invite(EchoCall c, long now) {
    c.callId = callIdOf(c.index, runId);
    c.fromTag = "bt" + c.index + runId;
    c.inviteBranch = "z9hG4bK-b" + runId + "-" + c.index + "-i";
    byCallId.put(c.callId, c);
    String target = "sip:" + config.number() + "@" + hostPort(config.server());
    String sdp =
        "v=0\r\n"
            + "o=- "
            + (c.index + 1)
            + " 1 IN IP4 127.0.0.1\r\n"
            + "s=-\r\n"
            + "c=IN IP4 127.0.0.1\r\n"
            + "t=0 0\r\n"
            + "m=audio "
            + c.localRtpPort
            + " RTP/AVP 0 101\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\n"
            + "a=fmtp:101 0-15\r\n"
            + "a=ptime:20\r\n";
    String msg =
        "INVITE "
            + target
            + " SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP "
            + local
            + ";branch="
            + c.inviteBranch
            + "\r\n"
            + "From: \"Bench\" <sip:+15550100@"
            + local
            + ">;tag="
            + c.fromTag
            + "\r\n"
            + "To: <"
            + target
            + ">\r\n"
            + "Call-ID: "
            + c.callId
            + "\r\n"
            + "CSeq: 1 INVITE\r\n"
            + "Contact: <sip:bench@"
            + local
            + ">\r\n"
            + "Max-Forwards: 70\r\n"
            + "Content-Type: application/sdp\r\n"
            + "Content-Length: "
            + sdp.length()
            + "\r\n\r\n"
            + sdp;
    c.state = EchoCall.State.CALLING;
    c.inviteNanos = now;
    startTransaction(c, msg, now, T1);
  }

  private void bye(EchoCall c, long now) {
    String msg =
        "BYE "
            + c.remoteTarget
            + " SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP "
            + local
            + ";branch=z9hG4bK-b"
            + runId
            + "-"
            + c.index
            + "-b\r\n"
            + "From: \"Bench\" <sip:+15550100@"
            + local
            + ">;tag="
            + c.fromTag
            + "\r\n"
            + "To: "
            + c.toHeader
            + "\r\n"
            + "Call-ID: "
            + c.callId
            + "\r\n"
            + "CSeq: 2 BYE\r\n"
            + "Max-Forwards: 70\r\n"
            + "Content-Length: 0\r\n\r\n";
    c.state = EchoCall.State.HANGING_UP;
    c.byeNanos = now;
    c.timerGeneration++;
    startTransaction(c, msg, now, T1);
  }

  private void startTransaction(EchoCall c, String msg, long now, long firstRetransmit) {
    c.pending = msg.getBytes(StandardCharsets.UTF_8);
    c.retransmitNanos = firstRetransmit;
    send(c.pending);
    timers.add(new Timer(now + firstRetransmit, c, Kind.RETRANSMIT, c.timerGeneration));
    timers.add(new Timer(now + TIMER_B, c, Kind.TIMEOUT, c.timerGeneration));
  }

  private byte[] ack(EchoCall c) {
    // The ACK of a 2xx is its own transaction, sent to the remote target (RFC 3261 §13.2.2.4).
    String msg =
        "ACK "
            + c.remoteTarget
            + " SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP "
            + local
            + ";branch=z9hG4bK-b"
            + runId
            + "-"
            + c.index
            + "-a\r\n"
            + "From: \"Bench\" <sip:+15550100@"
            + local
            + ">;tag="
            + c.fromTag
            + "\r\n"
            + "To: "
            + c.toHeader
            + "\r\n"
            + "Call-ID: "
            + c.callId
            + "\r\n"
            + "CSeq: 1 ACK\r\n"
            + "Max-Forwards: 70\r\n"
            + "Content-Length: 0\r\n\r\n";
    return msg.getBytes(StandardCharsets.UTF_8);
  }

  private byte[] nonSuccessAck(EchoCall c, String to) {
    // The ACK of a non-2xx final response reuses the INVITE's branch (RFC 3261 §17.1.1.3).
    String target = "sip:" + config.number() + "@" + hostPort(config.server());
    String msg =
        "ACK "
            + target
            + " SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP "
            + local
            + ";branch="
            + c.inviteBranch
            + "\r\n"
            + "From: \"Bench\" <sip:+15550100@"
            + local
            + ">;tag="
            + c.fromTag
            + "\r\n"
            + "To: "
            + to
            + "\r\n"
            + "Call-ID: "
            + c.callId
            + "\r\n"
            + "CSeq: 1 ACK\r\n"
            + "Max-Forwards: 70\r\n"
            + "Content-Length: 0\r\n\r\n";
    return msg.getBytes(StandardCharsets.UTF_8);
  }

  /** The audio address of an SDP answer (the last c= line and the m=audio port), or null. */
  static InetSocketAddress sdpAudio(String sdp) {
    String host = null;
    int port = -1;
    for (String line : sdp.split("\r?\n")) {
      if (line.startsWith("c=IN IP4 ")) {
        host = line.substring(9).trim();
      } else if (line.startsWith("m=audio ")) {
        String[] f = line.split(" ");
        try {
          port = Integer.parseInt(f[1]);
        } catch (NumberFormatException e) {
          return null;
        }
        if (!(" " + line + " ").contains(" 0 ") || f.length < 4) {
          return null; // PCMU not accepted; the marker needs a byte-exact echo
        }
      }
    }
    if (host == null || port <= 0) {
      return null;
    }
    return new InetSocketAddress(host, port);
  }

  private void fail(EchoCall c, String why) {
    if (c.failure == null) {
      c.failure = why;
    }
    done(c);
  }

  private void done(EchoCall c) {
    if (c.state != EchoCall.State.DONE) {
      c.state = EchoCall.State.DONE;
      c.doneNanos = System.nanoTime();
      c.sending = false;
      c.timerGeneration++;
      finished++;
    }
  }

  private void send(byte[] msg) {
    sendTo(msg, config.server());
  }

  private void sendTo(byte[] msg, InetSocketAddress to) {
    try {
      sip.send(ByteBuffer.wrap(msg), to);
    } catch (IOException e) {
      // UDP send errors (ICMP, a full buffer) are losses; retransmission covers them.
    }
  }

  private static String hostPort(InetSocketAddress a) {
    return a.getAddress().getHostAddress() + ":" + a.getPort();
  }
}
