package org.tawag.media.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.config.RtpSettings;
import org.tawag.media.MediaCounters;
import org.tawag.media.MediaEngine;
import org.tawag.media.MediaLeg;
import org.tawag.media.MediaPortsExhaustedException;
import org.tawag.media.session.FramePacer;
import org.tawag.media.session.RtpSession;

/**
 * The media engine on Netty: a group of event loops, each with its own 20 ms pacer, and the RTP
 * port range. A call's legs live on the loop its Call-ID hashes to.
 */
public final class NettyMediaEngine implements MediaEngine {
  private static final Logger log = LoggerFactory.getLogger(NettyMediaEngine.class);
  private static final int SOCKET_BUFFER = 256 * 1024;

  /** Largest datagram read; G.711 packets are at most 12 + 480 bytes. */
  private static final int MAX_DATAGRAM = 2048;

  /** DSCP EF (RFC 3246), the usual marking for voice. */
  private static final int TOS_EF = 0xB8;

  private final RtpSettings settings;
  private final MultiThreadIoEventLoopGroup group;
  private final ChannelFactory<? extends DatagramChannel> channelFactory;
  private final EventLoop[] loops;
  private final FramePacer[] pacers;
  private final RtpPortAllocator ports; // guarded by itself
  private final RtpSession.Settings sessionSettings;
  private final Set<RtpSession> legs = ConcurrentHashMap.newKeySet();
  private final AtomicInteger openLegs = new AtomicInteger();
  private final MediaCounters counters = new MediaCounters();
  private volatile boolean closed;

  /** Creates an engine with one event loop per core. */
  public NettyMediaEngine(RtpSettings settings) {
    this(settings, Runtime.getRuntime().availableProcessors(), System::nanoTime);
  }

  /**
   * Creates an engine with {@code eventLoops} loops.
   *
   * @param nanoClock the clock of the port quarantine (pacing always uses {@link System#nanoTime})
   */
  public NettyMediaEngine(RtpSettings settings, int eventLoops, LongSupplier nanoClock) {
    if (eventLoops < 1) {
      throw new IllegalArgumentException("event loops must be at least 1: " + eventLoops);
    }
    this.settings = settings;
    this.ports =
        new RtpPortAllocator(
            settings.portMin(),
            settings.portMax(),
            settings.portQuarantine(),
            nanoClock,
            new SecureRandom());
    this.sessionSettings = sessionSettings(settings);
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    this.channelFactory = epoll ? EpollDatagramChannel::new : NioDatagramChannel::new;
    this.group = new MultiThreadIoEventLoopGroup(eventLoops, io);
    List<EventLoop> children = new ArrayList<>();
    for (EventExecutor executor : group) {
      children.add((EventLoop) executor);
    }
    this.loops = children.toArray(EventLoop[]::new);
    this.pacers = new FramePacer[loops.length];
    for (int i = 0; i < loops.length; i++) {
      pacers[i] = new FramePacer(loops[i]);
    }
    log.info(
        "media engine: {} {} loops, RTP ports {}-{} ({} pairs)",
        loops.length,
        epoll ? "epoll" : "NIO",
        settings.portMin(),
        settings.portMax(),
        ports.capacity());
  }

  private static RtpSession.Settings sessionSettings(RtpSettings settings) {
    long frameMs = FramePacer.FRAME_NANOS / 1_000_000;
    int target = (int) Math.max(1, Math.min(10, settings.jitterBuffer().toMillis() / frameMs));
    // Beyond ~200 ms (or twice the target) drop the oldest to bound latency (tech notes §3.5).
    int max = Math.max(10, 2 * target);
    return new RtpSession.Settings(target, max, settings.mediaTimeout().toNanos());
  }

  @Override
  public Executor executorFor(String callId) {
    return loops[loopIndex(callId)];
  }

  @Override
  public CompletableFuture<MediaLeg> openLeg(String callId) {
    int index = loopIndex(callId);
    CompletableFuture<MediaLeg> result = new CompletableFuture<>();
    if (closed) {
      result.completeExceptionally(new IllegalStateException("media engine is closed"));
      return result;
    }
    try {
      loops[index].execute(() -> bindNextPair(pacers[index], result, ports.capacity(), null));
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(new IllegalStateException("media engine is closed", e));
    }
    return result;
  }

  @Override
  public String advertisedAddress() {
    return settings.advertisedAddress();
  }

  @Override
  public int openLegs() {
    return openLegs.get();
  }

  @Override
  public MediaCounters counters() {
    return counters;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<CompletableFuture<Void>> closing = new ArrayList<>();
    for (RtpSession leg : legs) {
      leg.close();
      closing.add(leg.closeFuture());
    }
    boolean onOwnLoop = false;
    for (EventLoop loop : loops) {
      onOwnLoop |= loop.inEventLoop();
    }
    if (!onOwnLoop) {
      // Bounded: a leg whose BYE cannot go out must not hold up shutdown.
      CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
          .completeOnTimeout(null, 2, TimeUnit.SECONDS)
          .join();
    }
    var terminated = group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    if (!onOwnLoop) {
      terminated.awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
  }

  private int loopIndex(String callId) {
    if (callId == null) {
      throw new IllegalArgumentException("Call-ID must not be null");
    }
    return Math.floorMod(callId.hashCode(), loops.length);
  }

  /** Runs on the pacer's loop; retries with another pair while binding fails with an I/O error. */
  private void bindNextPair(
      FramePacer pacer, CompletableFuture<MediaLeg> result, int attemptsLeft, Throwable last) {
    OptionalInt pair;
    synchronized (ports) {
      pair = attemptsLeft > 0 ? ports.allocate() : OptionalInt.empty();
    }
    if (pair.isEmpty()) {
      String message =
          "no free RTP port pair in "
              + settings.portMin()
              + "-"
              + settings.portMax()
              + " ("
              + ports.capacity()
              + " pairs, all in use or in quarantine)";
      if (last != null) {
        message += "; last bind error: " + last.getMessage();
      }
      result.completeExceptionally(new MediaPortsExhaustedException(message));
      return;
    }
    int rtpPort = pair.getAsInt();
    DatagramHandler rtpHandler = new DatagramHandler();
    DatagramHandler rtcpHandler = new DatagramHandler();
    bind(pacer.loop(), rtpHandler, rtpPort)
        .addListener(
            (ChannelFuture rtp) -> {
              if (!rtp.isSuccess()) {
                bindFailed(pacer, result, attemptsLeft, rtpPort, rtp.cause(), null);
                return;
              }
              bind(pacer.loop(), rtcpHandler, rtpPort + 1)
                  .addListener(
                      (ChannelFuture rtcp) -> {
                        if (!rtcp.isSuccess()) {
                          bindFailed(
                              pacer, result, attemptsLeft, rtpPort, rtcp.cause(), rtp.channel());
                          return;
                        }
                        opened(
                            pacer,
                            result,
                            rtpPort,
                            rtp.channel(),
                            rtcp.channel(),
                            rtpHandler,
                            rtcpHandler);
                      });
            });
  }

  private void bindFailed(
      FramePacer pacer,
      CompletableFuture<MediaLeg> result,
      int attemptsLeft,
      int rtpPort,
      Throwable cause,
      Channel boundHalf) {
    if (boundHalf != null) {
      boundHalf.close();
    }
    synchronized (ports) {
      ports.skip(rtpPort);
    }
    if (!(cause instanceof IOException)) {
      result.completeExceptionally(cause);
      return;
    }
    log.debug("RTP port pair {}/{} taken: {}", rtpPort, rtpPort + 1, cause.getMessage());
    bindNextPair(pacer, result, attemptsLeft - 1, cause);
  }

  private void opened(
      FramePacer pacer,
      CompletableFuture<MediaLeg> result,
      int rtpPort,
      Channel rtp,
      Channel rtcp,
      DatagramHandler rtpHandler,
      DatagramHandler rtcpHandler) {
    RtpSession[] holder = new RtpSession[1];
    RtpSession leg =
        new RtpSession(
            pacer,
            rtp,
            rtcp,
            rtpPort,
            sessionSettings,
            counters,
            () -> {
              legs.remove(holder[0]);
              openLegs.decrementAndGet();
              synchronized (ports) {
                ports.release(rtpPort);
              }
            });
    holder[0] = leg;
    rtpHandler.target(leg::receiveRtp);
    rtcpHandler.target(leg::receiveRtcp);
    legs.add(leg);
    openLegs.incrementAndGet();
    if (closed || !result.complete(leg)) {
      // The engine closed meanwhile, or the caller gave up waiting: nobody will close this leg.
      leg.close();
    }
  }

  private ChannelFuture bind(EventLoop loop, DatagramHandler handler, int port) {
    return new Bootstrap()
        .group(loop)
        .channelFactory(channelFactory)
        .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER)
        .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER)
        .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM))
        .option(ChannelOption.IP_TOS, TOS_EF)
        .handler(handler)
        .bind(new InetSocketAddress(settings.bindAddress(), port));
  }
}
