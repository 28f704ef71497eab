package org.tawag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.call.CallEvents;
import org.tawag.call.CallQueues;
import org.tawag.call.CallSession;
import org.tawag.call.NoAcdQueues;
import org.tawag.call.WheelCallTimers;
import org.tawag.config.TawagConfig;
import org.tawag.http.HttpService;
import org.tawag.media.play.SoundLibrary;
import org.tawag.media.transport.NettyMediaEngine;
import org.tawag.sip.OutboundCalls;
import org.tawag.sip.SipService;

/**
 * The composition root: builds every component from the configuration, starts them in order (media,
 * SIP, HTTP) and stops them in reverse.
 */
public final class TawagServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TawagServer.class);

  /** How long a queue call rings while no ACD is installed. */
  static final Duration NO_ACD_RING_LIMIT = Duration.ofSeconds(30);

  private final NettyMediaEngine media;
  private final WheelCallTimers timers;
  private final SipService sip;
  private final HttpService http;

  private TawagServer(
      NettyMediaEngine media, WheelCallTimers timers, SipService sip, HttpService http) {
    this.media = media;
    this.timers = timers;
    this.sip = sip;
    this.http = http;
  }

  /** Starts a server; {@code events} sees every call (metrics and records hang here). */
  public static TawagServer start(TawagConfig config, CallEvents events) {
    SoundLibrary sounds;
    try {
      sounds = SoundLibrary.load(config.soundsDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load sounds: " + e.getMessage(), e);
    }
    NettyMediaEngine media = new NettyMediaEngine(config.rtp());
    WheelCallTimers timers = new WheelCallTimers();
    try {
      CallQueues queues = new NoAcdQueues(NO_ACD_RING_LIMIT);
      CallSession.Context calls =
          new CallSession.Context(config.dialPlan(), sounds, queues, timers, events);
      SipService sip = SipService.start(config, media, calls, timers);
      HttpService http;
      try {
        http = HttpService.start(config.http(), sip);
      } catch (RuntimeException e) {
        sip.close();
        throw e;
      }
      log.info(
          "Tawag started: SIP udp/{} tcp/{}, RTP {}-{}, HTTP {}",
          config.sip().udpPort(),
          config.sip().tcpPort(),
          config.rtp().portMin(),
          config.rtp().portMax(),
          http.port());
      return new TawagServer(media, timers, sip, http);
    } catch (RuntimeException e) {
      timers.close();
      media.close();
      throw e;
    }
  }

  /** The outgoing-call service. */
  public OutboundCalls outbound() {
    return sip.outbound();
  }

  /** The SIP side, for its counters. */
  public SipService sip() {
    return sip;
  }

  /** The port HTTP listens on (useful when configured as 0). */
  public int httpPort() {
    return http.port();
  }

  @Override
  public void close() {
    http.close();
    sip.close();
    timers.close();
    media.close();
    log.info("Tawag stopped");
  }
}
