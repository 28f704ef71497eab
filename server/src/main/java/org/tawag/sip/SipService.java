package org.tawag.sip;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.call.CallSession;
import org.tawag.call.CallTimers;
import org.tawag.config.TawagConfig;
import org.tawag.media.AudioCodec;
import org.tawag.media.MediaEngine;

/** Tawag's SIP side as one component: the stack, incoming call admission, outgoing calls. */
public final class SipService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SipService.class);

  /** How long shutdown waits for BYEs and un-REGISTERs to be sent. */
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);

  /** Codecs we offer and accept, in our order of preference. */
  static final List<AudioCodec> CODECS = List.of(AudioCodec.PCMA, AudioCodec.PCMU);

  private final SipEndpoint endpoint;
  private final SipDispatcher dispatcher;
  private final InboundCalls inbound;
  private final OutboundCalls outbound;
  private final CallLimit limit;
  private final TrunkRegistrations registrations;

  private SipService(
      SipEndpoint endpoint,
      SipDispatcher dispatcher,
      InboundCalls inbound,
      OutboundCalls outbound,
      CallLimit limit,
      TrunkRegistrations registrations) {
    this.registrations = registrations;
    this.endpoint = endpoint;
    this.dispatcher = dispatcher;
    this.inbound = inbound;
    this.outbound = outbound;
    this.limit = limit;
  }

  /** Starts listening with {@code config.sip()}; calls run their media on {@code media}. */
  public static SipService start(
      TawagConfig config, MediaEngine media, CallSession.Context calls, CallTimers timers) {
    SipDispatcher dispatcher = new SipDispatcher();
    SipEndpoint endpoint =
        SipEndpoint.start(config.sip(), "tawag-" + config.sip().udpPort(), dispatcher);
    TrunkDirectory trunks = new TrunkDirectory(config.trunks());
    CallLimit limit = new CallLimit(config.sip().maxCalls());
    InboundCalls inbound =
        new InboundCalls(
            new InboundCalls.Deps(
                endpoint,
                trunks,
                config.dialPlan(),
                media,
                limit,
                config.sip().retryAfter(),
                CODECS,
                calls));
    OutboundCalls outbound =
        new OutboundCalls(
            new OutboundCalls.Deps(endpoint, trunks, media, limit, CODECS, calls, timers));
    TrunkRegistrations registrations =
        new TrunkRegistrations(endpoint, config.trunks(), media, timers);
    dispatcher.bind(endpoint, inbound, outbound, registrations);
    registrations.start();
    return new SipService(endpoint, dispatcher, inbound, outbound, limit, registrations);
  }

  /** The outgoing-call service. */
  public OutboundCalls outbound() {
    return outbound;
  }

  /** Calls in progress, both directions. */
  public int activeCalls() {
    return limit.active();
  }

  /** Dialogs the JAIN-SIP stack still holds (should follow {@link #activeCalls()}). */
  public int stackDialogs() {
    return endpoint.stackDialogs();
  }

  /** Whether every trunk that wants a REGISTER is registered now. */
  public boolean trunksRegistered() {
    return registrations.allRegistered();
  }

  /** Stops taking new calls: OPTIONS answers 503 from now on. */
  public void drain() {
    dispatcher.drain();
  }

  @Override
  public void close() {
    dispatcher.drain();
    try {
      // Let the BYEs and un-REGISTERs leave before the listeners close; bounded, so a stuck
      // call cannot hold up shutdown.
      CompletableFuture.allOf(registrations.stop(), inbound.hangUpAll())
          .get(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      log.warn("SIP shutdown did not finish cleanly: {}", e.toString());
    }
    endpoint.close();
  }
}
