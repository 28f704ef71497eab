package org.tawag.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tawag.config.RtpSettings;
import org.tawag.media.AudioCodec;
import org.tawag.media.AudioSource;
import org.tawag.media.MediaLeg;
import org.tawag.media.MediaParams;
import org.tawag.media.MediaPortsExhaustedException;
import org.tawag.media.codec.G711;
import org.tawag.media.dtmf.TelephoneEvent;
import org.tawag.media.play.Echo;
import org.tawag.media.rtp.Rtcp;
import org.tawag.media.rtp.RtpHeader;
import org.tawag.media.transport.NettyMediaEngine;

/** A leg of a real engine on loopback UDP, driven by a plain DatagramSocket peer. */
@Timeout(30)
class RtpSessionIT {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);
  private static final int PORT_MIN = 30100;
  private static final int PORT_MAX = 30199;

  private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
  private NettyMediaEngine engine;
  private DatagramSocket peer;

  @BeforeEach
  void start() throws IOException {
    engine = new NettyMediaEngine(settings(PORT_MIN, PORT_MAX), 2, System::nanoTime);
    peer = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
  }

  @AfterEach
  void stop() {
    clock.shutdownNow();
    engine.close();
    peer.close();
  }

  private static RtpSettings settings(int min, int max) {
    return new RtpSettings(
        "127.0.0.1",
        "127.0.0.1",
        min,
        max,
        Duration.ofSeconds(10),
        Duration.ofMillis(300),
        Duration.ofMillis(60));
  }

  @Test
  void echoesA1000HzToneWithOneSsrcAndConsecutiveSequence() throws Exception {
    MediaLeg leg = openEchoLeg(address(peer), 20);
    startTone(leg, 20, Integer.MAX_VALUE);

    List<Received> packets = receiveUntilTone(peer, 25);
    assertTone(packets);
    Received first = packets.get(0);
    for (int i = 1; i < packets.size(); i++) {
      Received p = packets.get(i);
      assertEquals(first.header.ssrc(), p.header.ssrc(), "SSRC of packet " + i);
      assertEquals((first.header.sequence() + i) & 0xFFFF, p.header.sequence(), "seq " + i);
      assertEquals((first.header.timestamp() + 160L * i) & 0xFFFFFFFFL, p.header.timestamp());
      assertEquals(0, p.header.payloadType());
      assertEquals(160, p.header.payloadLength());
    }
    var stats = leg.stats();
    assertTrue(stats.packetsReceived() >= 25, "received " + stats.packetsReceived());
    assertTrue(stats.packetsSent() >= packets.size(), "sent " + stats.packetsSent());
  }

  @Test
  void latchesToTheRealSourceInsteadOfTheSdpAddress() throws Exception {
    try (DatagramSocket wrong = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
      MediaLeg leg = openEchoLeg(address(wrong), 20);
      // Before the peer speaks, media goes where SDP said.
      assertNotNull(receive(wrong, System.nanoTime() + WAIT_NANOS));
      startTone(leg, 20, Integer.MAX_VALUE);
      assertTone(receiveUntilTone(peer, 25));
    }
  }

  @Test
  void echoes30MsPacketsAs20MsFrames() throws Exception {
    MediaLeg leg = openEchoLeg(address(peer), 20);
    startTone(leg, 30, Integer.MAX_VALUE);
    List<Received> packets = receiveUntilTone(peer, 25);
    assertTone(packets);
    assertTrue(packets.stream().allMatch(p -> p.header.payloadLength() == 160));
  }

  @Test
  void survivesGarbageDatagrams() throws Exception {
    MediaLeg leg = openEchoLeg(address(peer), 20);
    InetSocketAddress to = new InetSocketAddress(LOOPBACK, leg.localRtpPort());
    send(peer, to, new byte[] {1, 2, 3});
    send(peer, to, new byte[40]); // version 0
    byte[] tooManyCsrcs = new byte[20];
    tooManyCsrcs[0] = (byte) 0x8F; // V=2, CC=15: 72-byte header in 20 bytes
    send(peer, to, tooManyCsrcs);
    startTone(leg, 20, Integer.MAX_VALUE);
    assertTone(receiveUntilTone(peer, 25));
    RtpSession session = (RtpSession) leg;
    assertEquals(
        3L, CompletableFuture.supplyAsync(session::malformedPackets, leg.executor()).get());
  }

  @Test
  void reportsEachRfc4733DigitOnce() throws Exception {
    MediaLeg leg = engine.openLeg("dtmf-in").get(5, TimeUnit.SECONDS);
    LinkedBlockingQueue<Character> digits = new LinkedBlockingQueue<>();
    leg.setListener(
        new MediaLeg.Listener() {
          @Override
          public void onDigit(char digit) {
            digits.add(digit);
          }
        });
    configure(leg, address(peer), 20);
    InetSocketAddress to = new InetSocketAddress(LOOPBACK, leg.localRtpPort());
    sendEvent(to, 1, 5000, 100);
    sendEvent(to, 2, 6000, 200);
    assertEquals('1', digits.poll(5, TimeUnit.SECONDS));
    assertEquals('2', digits.poll(5, TimeUnit.SECONDS));
    barrier(leg);
    assertNull(digits.poll(), "a digit was reported twice");
  }

  @Test
  void reportsMediaTimeoutOnceWhenThePeerFallsSilent() throws Exception {
    MediaLeg leg = engine.openLeg("timeout").get(5, TimeUnit.SECONDS);
    AtomicInteger timeouts = new AtomicInteger();
    CountDownLatch timedOut = new CountDownLatch(1);
    leg.setListener(
        new MediaLeg.Listener() {
          @Override
          public void onMediaTimeout() {
            timeouts.incrementAndGet();
            timedOut.countDown();
          }
        });
    FrameCounter frames = new FrameCounter();
    leg.setSource(frames);
    configure(leg, address(peer), 20);
    // 600 ms of RTP, twice the timeout: no timeout while packets flow.
    startTone(leg, 20, 30).get(5, TimeUnit.SECONDS);
    barrier(leg);
    assertEquals(0, timeouts.get());
    assertTrue(timedOut.await(5, TimeUnit.SECONDS), "no media timeout");
    frames.after(25).get(5, TimeUnit.SECONDS); // another half second of ticks
    assertEquals(1, timeouts.get());
  }

  @Test
  void sendsDigitsAsTelephoneEventsEndingWithThreeEndPackets() throws Exception {
    MediaLeg leg = engine.openLeg("dtmf-out").get(5, TimeUnit.SECONDS);
    configure(leg, address(peer), 20);
    assertNotNull(receive(peer, System.nanoTime() + WAIT_NANOS));
    leg.sendDigit('5', 100);

    List<Received> events = new ArrayList<>();
    Received afterwards = null;
    long deadline = System.nanoTime() + WAIT_NANOS;
    while (afterwards == null) {
      Received p = receive(peer, deadline);
      assertNotNull(p, "telephone events did not arrive in time: " + events.size());
      if (p.header.payloadType() == 101) {
        events.add(p);
      } else if (!events.isEmpty()) {
        afterwards = p;
      }
    }
    List<TelephoneEvent> payloads = new ArrayList<>();
    for (Received e : events) {
      assertEquals(events.get(0).header.timestamp(), e.header.timestamp());
      assertEquals(e == events.get(0), e.header.marker());
      payloads.add(TelephoneEvent.parse(e.data, e.header.payloadOffset(), 4));
    }
    assertTrue(payloads.stream().allMatch(e -> e.event() == 5), payloads.toString());
    assertEquals(
        List.of(false, false, false, false, true, true, true),
        payloads.stream().map(TelephoneEvent::end).toList());
    assertEquals(800, payloads.get(payloads.size() - 1).duration());
    assertEquals(0, afterwards.header.payloadType());
    assertEquals(events.get(0).header.ssrc(), afterwards.header.ssrc());
    assertTrue(
        afterwards.header.timestamp() - events.get(0).header.timestamp() >= 7 * 160,
        "audio timestamp did not continue after the event");
  }

  @Test
  void exchangesRtcpReports() throws Exception {
    try (DatagramSocket peerRtcp = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
      MediaLeg leg = engine.openLeg("rtcp").get(5, TimeUnit.SECONDS);
      leg.configure(
          new MediaParams(
              address(peer), address(peerRtcp), AudioCodec.PCMU, 0, 101, 20, true, true));
      Received rtp = receive(peer, System.nanoTime() + WAIT_NANOS);
      assertNotNull(rtp);
      long legSsrc = rtp.header.ssrc();

      // The first report comes after 2.5 s × [0.5, 1.5].
      Received sr = receive(peerRtcp, System.nanoTime() + WAIT_NANOS);
      assertNotNull(sr, "no RTCP report from the leg");
      Rtcp.Report report = Rtcp.parse(sr.data, 0, sr.data.length);
      assertNotNull(report);
      assertEquals(legSsrc, report.senderSsrc());
      assertNotNull(report.senderInfo(), "a leg that sends RTP sends SR");

      byte[] rr = new byte[256];
      int len =
          Rtcp.writeReport(
              rr, 0, 0x1234L, null, new Rtcp.ReportBlock(legSsrc, 64, 3, 100, 80, 0, 0), "peer");
      send(peerRtcp, new InetSocketAddress(LOOPBACK, leg.localRtpPort() + 1), rr, len);
      long deadline = System.nanoTime() + WAIT_NANOS;
      var stats = leg.stats();
      while (stats.remoteFractionLost() < 0 && System.nanoTime() < deadline) {
        stats = leg.stats();
      }
      assertEquals(0.25, stats.remoteFractionLost(), 1e-9);
      assertEquals(10.0, stats.remoteJitterMs(), 1e-9);

      leg.close();
      ((RtpSession) leg).closeFuture().get(5, TimeUnit.SECONDS);
      Received bye = receive(peerRtcp, System.nanoTime() + WAIT_NANOS);
      while (bye != null && !containsPacketType(bye.data, 203)) {
        bye = receive(peerRtcp, System.nanoTime() + WAIT_NANOS);
      }
      assertNotNull(bye, "no RTCP BYE on close");
    }
  }

  @Test
  void closeReturnsThePortPairAfterQuarantine() throws Exception {
    AtomicLong nanos = new AtomicLong();
    RtpSettings onePair = settings(30200, 30201);
    try (NettyMediaEngine small = new NettyMediaEngine(onePair, 1, nanos::get)) {
      MediaLeg leg = small.openLeg("a").get(5, TimeUnit.SECONDS);
      assertEquals(30200, leg.localRtpPort());
      assertEquals(1, small.openLegs());
      assertExhausted(small.openLeg("b"));

      leg.close();
      leg.close();
      ((RtpSession) leg).closeFuture().get(5, TimeUnit.SECONDS);
      assertEquals(0, small.openLegs());
      assertExhausted(small.openLeg("c")); // in quarantine

      nanos.addAndGet(Duration.ofSeconds(10).toNanos());
      MediaLeg again = small.openLeg("d").get(5, TimeUnit.SECONDS);
      assertEquals(30200, again.localRtpPort());
      configure(again, address(peer), 20);
      assertNotNull(receive(peer, System.nanoTime() + WAIT_NANOS), "reopened leg is silent");
    }
  }

  @Test
  void sameCallIdGetsTheSameLoop() throws Exception {
    assertTrue(engine.executorFor("call-x") == engine.executorFor("call-x"));
    MediaLeg leg = engine.openLeg("call-x").get(5, TimeUnit.SECONDS);
    assertTrue(leg.executor() == engine.executorFor("call-x"));
    assertThrows(IllegalArgumentException.class, () -> engine.executorFor(null));
  }

  // ---- helpers

  private static void assertExhausted(CompletableFuture<MediaLeg> future) {
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
    assertInstanceOf(MediaPortsExhaustedException.class, e.getCause());
    assertTrue(e.getCause().getMessage().contains("30200-30201"), e.getCause().getMessage());
  }

  private MediaLeg openEchoLeg(InetSocketAddress remote, int ptime) throws Exception {
    MediaLeg leg = engine.openLeg("echo-" + remote.getPort()).get(5, TimeUnit.SECONDS);
    Echo echo = new Echo();
    leg.setSource(echo);
    leg.setSink(echo);
    configure(leg, remote, ptime);
    return leg;
  }

  private static void configure(MediaLeg leg, InetSocketAddress remote, int ptime)
      throws Exception {
    InetSocketAddress rtcp = new InetSocketAddress(remote.getAddress(), remote.getPort() + 1);
    leg.configure(new MediaParams(remote, rtcp, AudioCodec.PCMU, 0, 101, ptime, true, true));
    barrier(leg);
  }

  /** Waits until everything queued on the leg's loop so far has run. */
  private static void barrier(MediaLeg leg) throws Exception {
    CompletableFuture.runAsync(() -> {}, leg.executor()).get(5, TimeUnit.SECONDS);
  }

  /**
   * Sends {@code count} packets of a 1000 Hz sine, {@code ptime} ms each, in real time.
   *
   * @return completes after the last packet
   */
  private CompletableFuture<Void> startTone(MediaLeg leg, int ptime, int count) {
    InetSocketAddress to = new InetSocketAddress(LOOPBACK, leg.localRtpPort());
    int samples = ptime * 8;
    CompletableFuture<Void> done = new CompletableFuture<>();
    int[] sent = {0};
    clock.scheduleAtFixedRate(
        () -> {
          if (sent[0] == count) {
            done.complete(null);
            return;
          }
          byte[] packet = new byte[RtpHeader.LENGTH + samples];
          long start = (long) sent[0] * samples;
          RtpHeader.write(packet, 0, 0, sent[0] == 0, sent[0] & 0xFFFF, 1000 + start, 0xCAFEL);
          for (int i = 0; i < samples; i++) {
            double s = 8000 * Math.sin(2 * Math.PI * 1000 * (start + i) / 8000.0);
            packet[RtpHeader.LENGTH + i] = G711.linearToUlaw((int) Math.round(s));
          }
          send(peer, to, packet);
          sent[0]++;
        },
        0,
        ptime,
        TimeUnit.MILLISECONDS);
    return done;
  }

  /** Sends one RFC 4733 event the way the SIPp pcaps do: three end packets with one seq. */
  private void sendEvent(InetSocketAddress to, int event, long timestamp, int seq)
      throws IOException {
    int[] durations = {160, 320, 480, 640, 800, 800, 800};
    for (int i = 0; i < durations.length; i++) {
      byte[] packet = new byte[RtpHeader.LENGTH + 4];
      int s = seq + Math.min(i, 4);
      RtpHeader.write(packet, 0, 101, i == 0, s, timestamp, 0xBEEFL);
      new TelephoneEvent(event, i >= 4, 10, durations[i]).write(packet, RtpHeader.LENGTH);
      send(peer, to, packet);
    }
  }

  private static List<Received> receiveUntilTone(DatagramSocket socket, int tonePackets)
      throws IOException {
    long deadline = System.nanoTime() + WAIT_NANOS;
    List<Received> all = new ArrayList<>();
    int tone = 0;
    while (tone < tonePackets) {
      Received p = receive(socket, deadline);
      if (p == null) {
        fail("only " + tone + " of " + tonePackets + " tone packets came back in 5 s");
      }
      all.add(p);
      if (peak(p.pcm()) > 2000) {
        tone++;
      }
    }
    return all;
  }

  private static void assertTone(List<Received> packets) {
    List<short[]> toneFrames = new ArrayList<>();
    for (Received p : packets) {
      if (peak(p.pcm()) > 2000) {
        toneFrames.add(p.pcm());
      }
    }
    short[] samples = new short[toneFrames.size() * 160];
    for (int i = 0; i < toneFrames.size(); i++) {
      System.arraycopy(toneFrames.get(i), 0, samples, i * 160, 160);
    }
    double tone = goertzel(samples, 1000);
    double low = goertzel(samples, 600);
    double high = goertzel(samples, 1400);
    assertTrue(
        tone >= 10 * low && tone >= 10 * high,
        "1000 Hz " + tone + " vs 600 Hz " + low + " and 1400 Hz " + high);
  }

  private static int peak(short[] pcm) {
    int peak = 0;
    for (short s : pcm) {
      peak = Math.max(peak, Math.abs(s));
    }
    return peak;
  }

  /** Power of {@code freq} in 8 kHz {@code samples} (Goertzel algorithm). */
  private static double goertzel(short[] samples, double freq) {
    double coeff = 2 * Math.cos(2 * Math.PI * freq / 8000);
    double s1 = 0;
    double s2 = 0;
    for (short x : samples) {
      double s = x + coeff * s1 - s2;
      s2 = s1;
      s1 = s;
    }
    return s1 * s1 + s2 * s2 - coeff * s1 * s2;
  }

  private static boolean containsPacketType(byte[] compound, int type) {
    for (int p = 0; p + 4 <= compound.length; ) {
      if ((compound[p + 1] & 0xFF) == type) {
        return true;
      }
      p += 4 * (1 + (((compound[p + 2] & 0xFF) << 8) | (compound[p + 3] & 0xFF)));
    }
    return false;
  }

  private static InetSocketAddress address(DatagramSocket socket) {
    return new InetSocketAddress(LOOPBACK, socket.getLocalPort());
  }

  private static void send(DatagramSocket socket, InetSocketAddress to, byte[] data) {
    send(socket, to, data, data.length);
  }

  private static void send(DatagramSocket socket, InetSocketAddress to, byte[] data, int len) {
    try {
      socket.send(new DatagramPacket(data, len, to));
    } catch (IOException e) {
      throw new IllegalStateException("test peer could not send to " + to, e);
    }
  }

  /** Receives one datagram before {@code deadlineNanos}, or null. */
  private static Received receive(DatagramSocket socket, long deadlineNanos) throws IOException {
    long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    if (left <= 0) {
      return null;
    }
    socket.setSoTimeout((int) left);
    byte[] buf = new byte[2048];
    DatagramPacket packet = new DatagramPacket(buf, buf.length);
    try {
      socket.receive(packet);
    } catch (SocketTimeoutException e) {
      return null;
    }
    byte[] data = java.util.Arrays.copyOf(buf, packet.getLength());
    return new Received(data, RtpHeader.parse(data, 0, data.length));
  }

  private record Received(byte[] data, RtpHeader header) {
    short[] pcm() {
      short[] pcm = new short[header.payloadLength()];
      G711.decode(AudioCodec.PCMU, data, header.payloadOffset(), pcm, 0, pcm.length);
      return pcm;
    }
  }

  /** A silent source that counts frames, so a test can wait for ticks instead of sleeping. */
  private static final class FrameCounter implements AudioSource {
    private final AtomicLong frames = new AtomicLong();
    private volatile long target = Long.MAX_VALUE;
    private final CompletableFuture<Void> reached = new CompletableFuture<>();

    @Override
    public boolean read(AudioCodec codec, byte[] frame) {
      if (frames.incrementAndGet() >= target) {
        reached.complete(null);
      }
      return false;
    }

    CompletableFuture<Void> after(int more) {
      target = frames.get() + more;
      return reached;
    }
  }
}
