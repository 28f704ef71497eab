package org.tawag.media.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.media.AudioCodec;
import org.tawag.media.AudioSink;
import org.tawag.media.AudioSource;
import org.tawag.media.MediaCounters;
import org.tawag.media.MediaLeg;
import org.tawag.media.MediaParams;
import org.tawag.media.MediaStats;
import org.tawag.media.rtp.Rtcp;
import org.tawag.media.rtp.RtpHeader;

/**
 * One call leg's RTP/RTCP on a bound port pair: paced sending, symmetric-RTP latching, jitter
 * buffered receiving, RFC 4733 digits, RTCP reports and the media timeout.
 *
 * <p>Every field is touched only on {@link #executor()}, the Netty event loop that owns both
 * channels; public methods called from elsewhere hop there with {@code execute} (tech notes §3.1).
 */
public final class RtpSession implements MediaLeg {
  /**
   * What a session takes from the engine's settings.
   *
   * @param jitterTargetFrames frames the jitter buffer gathers before playout starts
   * @param jitterMaxFrames frames beyond which the jitter buffer drops the oldest
   * @param mediaTimeoutNanos silence after which the listener hears of it; 0 disables
   */
  public record Settings(int jitterTargetFrames, int jitterMaxFrames, long mediaTimeoutNanos) {}

  private static final Logger log = LoggerFactory.getLogger(RtpSession.class);
  private static final String DIGITS = "0123456789*#ABCDabcd";

  /** Most frames sent in one tick before the leg skips ahead instead (tech notes §3.10). */
  private static final int MAX_CATCH_UP_FRAMES = 3;

  private final FramePacer pacer;
  private final EventLoop loop;
  private final Channel rtpChannel;
  private final Channel rtcpChannel;
  private final int localRtpPort;
  private final long mediaTimeoutNanos;
  private final Runnable onClosed;
  private final OutgoingStream outgoing;
  private final IncomingStream incoming;
  private final RtcpReporter rtcp;
  private final MediaCounters totals;
  private final LegCounters counters;
  private final byte[] receiveBuffer = new byte[2048];
  private final byte[] rtcpBuffer = new byte[512];
  private final byte[] playoutFrame = new byte[AudioCodec.FRAME_SAMPLES];
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();

  private MediaParams params;
  private InetSocketAddress rtpDestination;
  private InetSocketAddress rtcpDestination;
  private AudioSource source;
  private AudioSink sink;
  private Listener listener;
  private long startNanos;
  private long framesTicked;
  private long lastRtpNanos;
  private boolean timeoutReported;

  /**
   * Creates a session on two bound channels of {@code pacer}'s loop.
   *
   * @param totals the engine's media totals, which this leg adds to each report interval and at
   *     close
   * @param onClosed runs on the loop once both channels are closed, to return the port pair
   */
  public RtpSession(
      FramePacer pacer,
      Channel rtpChannel,
      Channel rtcpChannel,
      int localRtpPort,
      Settings settings,
      MediaCounters totals,
      Runnable onClosed) {
    this.pacer = pacer;
    this.loop = pacer.loop();
    this.rtpChannel = rtpChannel;
    this.rtcpChannel = rtcpChannel;
    this.localRtpPort = localRtpPort;
    this.mediaTimeoutNanos = settings.mediaTimeoutNanos();
    this.onClosed = onClosed;
    this.totals = totals;
    this.counters = new LegCounters(totals);
    this.outgoing = new OutgoingStream(this::sendRtp);
    this.incoming = new IncomingStream(settings.jitterTargetFrames(), settings.jitterMaxFrames());
    this.rtcp =
        new RtcpReporter("tawag-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
  }

  @Override
  public Executor executor() {
    return loop;
  }

  @Override
  public int localRtpPort() {
    return localRtpPort;
  }

  @Override
  public void configure(MediaParams params) {
    Objects.requireNonNull(params, "params");
    onLoop(() -> applyParams(params));
  }

  @Override
  public void setSource(AudioSource source) {
    onLoop(
        () -> {
          if (source != this.source) {
            this.source = source;
            outgoing.markNextPacket();
          }
        });
  }

  @Override
  public void setSink(AudioSink sink) {
    onLoop(() -> this.sink = sink);
  }

  @Override
  public void setListener(Listener listener) {
    onLoop(() -> this.listener = listener);
  }

  @Override
  public void sendDigit(char digit, int durationMs) {
    if (DIGITS.indexOf(digit) < 0) {
      throw new IllegalArgumentException("not a DTMF digit: '" + digit + "'");
    }
    if (durationMs < 40 || durationMs > 8000) {
      throw new IllegalArgumentException("DTMF duration must be 40..8000 ms: " + durationMs);
    }
    onLoop(
        () -> {
          if (params == null || !outgoing.startDigit(digit, durationMs)) {
            log.info(
                "RTP port {}: no telephone-event negotiated, digit '{}' not sent",
                localRtpPort,
                digit);
          }
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Called off the leg's loop, this waits up to one second for the loop to take the snapshot.
   */
  @Override
  public MediaStats stats() {
    if (loop.inEventLoop()) {
      return snapshot();
    }
    try {
      return CompletableFuture.supplyAsync(this::snapshot, loop).get(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted reading stats of RTP port " + localRtpPort, e);
    } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
      throw new IllegalStateException("cannot read stats of RTP port " + localRtpPort, e);
    }
  }

  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    try {
      onLoop(this::shutdown);
    } catch (RejectedExecutionException e) {
      // The engine shut the loop down, which closed the channels already.
      onClosed.run();
      closed.complete(null);
    }
  }

  /** Completes once both channels are closed and the port pair is returned. */
  public CompletableFuture<Void> closeFuture() {
    return closed;
  }

  /** Datagrams on the RTP port that were not RTP (RFC 3550 §5.1 checks failed). */
  public long malformedPackets() {
    return incoming.malformed();
  }

  /** Takes a datagram that arrived on the RTP port. Runs on the loop; never throws. */
  public void receiveRtp(DatagramPacket packet) {
    if (params == null || closing.get()) {
      return;
    }
    int len = copy(packet.content(), receiveBuffer);
    if (RtpHeader.isRtcp(receiveBuffer, 0, len)) {
      // RTCP multiplexed on the RTP port (RFC 5761 §4).
      takeRtcp(receiveBuffer, len);
      return;
    }
    long now = System.nanoTime();
    long arrival = (now - startNanos) / 125_000; // 8 kHz units (RFC 3550 A.8)
    IncomingStream.Kind kind = incoming.accept(receiveBuffer, len, arrival, params.receive());
    if (kind != IncomingStream.Kind.AUDIO && kind != IncomingStream.Kind.EVENT) {
      return;
    }
    counters.packetIn();
    lastRtpNanos = now;
    timeoutReported = false;
    latchRtp(packet.sender());
    char digit = incoming.digit();
    if (digit != 0 && listener != null) {
      listener.onDigit(digit);
    }
  }

  /** Takes a datagram that arrived on the RTCP port. Runs on the loop; never throws. */
  public void receiveRtcp(DatagramPacket packet) {
    if (params == null || closing.get()) {
      return;
    }
    int len = copy(packet.content(), rtcpBuffer);
    if (takeRtcp(rtcpBuffer, len) && params.remoteRtp() != null) {
      // Symmetric RTCP (RFC 4961 §3): answer where the reports come from.
      rtcpDestination = packet.sender();
    }
  }

  /** Sends the frames due at {@code nowNanos}; called by the pacer on the loop. */
  void tick(long nowNanos) {
    long due = (nowNanos - startNanos) / FramePacer.FRAME_NANOS + 1 - framesTicked;
    if (due > MAX_CATCH_UP_FRAMES) {
      // A stall (GC, overload): skip ahead rather than burst, keeping the timestamp on time.
      long skipped = due - MAX_CATCH_UP_FRAMES;
      outgoing.skip(skipped);
      // The playout point skips the same time, or the frames that arrived during the stall stay
      // queued and every later frame plays that much later (found by bench/: echo delay stuck at
      // the jitter buffer's maximum after one stall).
      for (long i = 0; i < skipped; i++) {
        incoming.poll(playoutFrame);
      }
      framesTicked += skipped;
      due = MAX_CATCH_UP_FRAMES;
    }
    for (long i = 0; i < due; i++) {
      frame();
      framesTicked++;
    }
    checkMediaTimeout(nowNanos);
    if (rtcp.due(nowNanos)) {
      flushCounters();
      sendReport(nowNanos);
    }
  }

  private void frame() {
    if (incoming.poll(playoutFrame) && sink != null && params.receive()) {
      sink.write(incoming.codec(), playoutFrame);
    }
    boolean send = params.send() && rtpDestination != null && rtpChannel.isActive();
    outgoing.frame(send, source);
  }

  private void applyParams(MediaParams next) {
    if (closing.get()) {
      return;
    }
    MediaParams previous = params;
    params = next;
    outgoing.configure(
        next.codec(),
        next.audioPayloadType(),
        next.telephoneEventPayloadType(),
        next.packetTimeMs());
    incoming.configure(next.codec(), next.audioPayloadType(), next.telephoneEventPayloadType());
    if (previous == null || !Objects.equals(previous.remoteRtp(), next.remoteRtp())) {
      // A new SDP address restarts latching from it (RFC 4961 §3).
      rtpDestination = next.remoteRtp();
    }
    if (previous == null || !Objects.equals(previous.remoteRtcp(), next.remoteRtcp())) {
      rtcpDestination = next.remoteRtcp();
    }
    long now = System.nanoTime();
    if (previous == null || (!previous.receive() && next.receive())) {
      lastRtpNanos = now;
      timeoutReported = false;
    }
    if (previous == null) {
      startNanos = now;
      framesTicked = 0;
      rtcp.start(now);
      pacer.add(this);
    }
  }

  private void latchRtp(InetSocketAddress sender) {
    // Symmetric RTP (RFC 4961): send to where valid packets come from, not to the SDP address,
    // so NATed peers hear us. Not while the peer holds with c=0.0.0.0.
    if (params.remoteRtp() != null && !sender.equals(rtpDestination)) {
      log.debug("RTP port {}: latched to {} (was {})", localRtpPort, sender, rtpDestination);
      rtpDestination = sender;
    }
  }

  private boolean takeRtcp(byte[] buf, int len) {
    Rtcp.Report report = Rtcp.parse(buf, 0, len);
    if (report == null) {
      return false;
    }
    rtcp.onReport(report, outgoing.ssrc(), System.nanoTime());
    return true;
  }

  private void checkMediaTimeout(long nowNanos) {
    if (mediaTimeoutNanos > 0
        && params.receive()
        && !timeoutReported
        && nowNanos - lastRtpNanos >= mediaTimeoutNanos) {
      timeoutReported = true;
      log.debug("RTP port {}: no RTP for {} ms", localRtpPort, mediaTimeoutNanos / 1_000_000);
      if (listener != null) {
        listener.onMediaTimeout();
      }
    }
  }

  private void sendReport(long nowNanos) {
    if (rtcpDestination == null) {
      return;
    }
    int len =
        rtcp.writeReport(
            rtcpBuffer,
            outgoing.ssrc(),
            outgoing,
            incoming.statistics(),
            nowNanos,
            System.currentTimeMillis());
    send(rtcpChannel, rtcpBuffer, len, rtcpDestination);
  }

  private void sendRtp(byte[] packet, int length) {
    send(rtpChannel, packet, length, rtpDestination);
  }

  private static void send(Channel channel, byte[] data, int length, InetSocketAddress to) {
    ByteBuf buf = channel.alloc().directBuffer(length);
    buf.writeBytes(data, 0, length);
    // Never connect() the channel: ICMP unreachable would then fail reads (tech notes §3.1).
    channel.writeAndFlush(new DatagramPacket(buf, to), channel.voidPromise());
  }

  private void flushCounters() {
    counters.flush(outgoing.packetsSent(), incoming.statistics(), incoming.jitterBuffer());
  }

  private void shutdown() {
    pacer.remove(this);
    if (params != null) {
      flushCounters();
      if (incoming.statistics().packetsReceived() > 0) {
        totals.legJitter(incoming.statistics().jitterMs());
      }
    }
    if (params != null && rtcpDestination != null && rtcpChannel.isActive()) {
      int len = rtcp.writeBye(rtcpBuffer, outgoing.ssrc());
      send(rtcpChannel, rtcpBuffer, len, rtcpDestination);
    }
    source = null;
    sink = null;
    listener = null;
    rtpChannel
        .close()
        .addListener(
            f ->
                rtcpChannel
                    .close()
                    .addListener(
                        g -> {
                          try {
                            onClosed.run();
                          } finally {
                            closed.complete(null);
                          }
                        }));
  }

  private MediaStats snapshot() {
    var received = incoming.statistics();
    return new MediaStats(
        outgoing.packetsSent(),
        received.packetsReceived(),
        received.cumulativeLost(),
        received.jitterMs(),
        rtcp.remoteFractionLost(),
        rtcp.remoteJitterMs());
  }

  private void onLoop(Runnable task) {
    if (loop.inEventLoop()) {
      task.run();
    } else {
      loop.execute(task);
    }
  }

  private static int copy(ByteBuf content, byte[] into) {
    int len = Math.min(content.readableBytes(), into.length);
    content.getBytes(content.readerIndex(), into, 0, len);
    return len;
  }
}
