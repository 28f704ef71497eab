package org.tawag.sip;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
import org.tawag.sip.registrar.PhoneAccess;
import org.tawag.sip.registrar.PhoneBindings;
import org.tawag.sip.registrar.Registrar;

/**
 * Tawag's SIP side as one component: the stack, incoming call admission, outgoing calls, and the
 * registrar for SIP phones when given {@link PhoneAccess}.
 */
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
  private final TrunkProbes probes;
  private final Optional<Registrar> registrar;

  private SipService(
      SipEndpoint endpoint,
      SipDispatcher dispatcher,
      InboundCalls inbound,
      OutboundCalls outbound,
      CallLimit limit,
      TrunkRegistrations registrations,
      TrunkProbes probes,
      Optional<Registrar> registrar) {
    this.registrations = registrations;
    this.probes = probes;
    this.registrar = registrar;
    this.endpoint = endpoint;
    this.dispatcher = dispatcher;
    this.inbound = inbound;
    this.outbound = outbound;
    this.limit = limit;
  }

  /**
   * Starts listening with {@code config.sip()}; calls run their media on {@code media}. No phone
   * can register: REGISTER gets 405 as before.
   */
  public static SipService start(
      TawagConfig config, MediaEngine media, CallSession.Context calls, CallTimers timers) {
    return start(config, media, calls, timers, Optional.empty());
  }

  /**
   * Starts listening with {@code config.sip()}, and lets SIP phones register as {@code phones} says
   * (REGISTERs from trunks' networks still get 405).
   */
  public static SipService start(
      TawagConfig config,
      MediaEngine media,
      CallSession.Context calls,
      CallTimers timers,
      PhoneAccess phones) {
    return start(config, media, calls, timers, Optional.of(phones));
  }

  private static SipService start(
      TawagConfig config,
      MediaEngine media,
      CallSession.Context calls,
      CallTimers timers,
      Optional<PhoneAccess> phones) {
    SipDispatcher dispatcher = new SipDispatcher();
    SipEndpoint endpoint =
        SipEndpoint.start(config.sip(), "tawag-" + config.sip().udpPort(), dispatcher);
    TrunkDirectory trunks = new TrunkDirectory(config.trunks());
    CallLimit limit = new CallLimit(config.sip().maxCalls());
    Optional<Registrar> registrar =
        phones.map(
            access ->
                new Registrar(
                    new Registrar.Deps(
                        endpoint.provider(),
                        endpoint.messages(),
                        endpoint.headers(),
                        endpoint.addresses(),
                        source -> trunks.bySource(source).isPresent(),
                        access,
                        Clock.systemUTC(),
                        endpoint.traffic()::responseOut)));
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
            new OutboundCalls.Deps(
                endpoint,
                trunks,
                media,
                limit,
                CODECS,
                calls,
                timers,
                registrar.map(Registrar::bindings)));
    TrunkRegistrations registrations =
        new TrunkRegistrations(endpoint, config.trunks(), media, timers);
    TrunkProbes probes =
        new TrunkProbes(endpoint, config.trunks(), media, timers, System::nanoTime);
    dispatcher.bind(endpoint, inbound, outbound, registrations, probes, registrar);
    registrations.start();
    registrar.ifPresent(r -> r.start(timers));
    return new SipService(
        endpoint, dispatcher, inbound, outbound, limit, registrations, probes, registrar);
  }

  /** The registered phones, or empty when phones cannot register. */
  public Optional<PhoneBindings> phones() {
    return registrar.map(Registrar::bindings);
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

  /**
   * Reports every SIP request and response handled and sent, and each trunk probe's round trip, to
   * {@code traffic} from now on (messages before this call are not reported).
   */
  public void observe(SipTraffic traffic) {
    endpoint.observe(traffic);
  }

  /**
   * Probes every trunk peer with OPTIONS as {@code settings} say, replacing earlier probing; until
   * called, no trunk is probed and {@link #trunkUp} is false.
   */
  public void probeTrunks(TrunkProbeSettings settings) {
    probes.start(settings);
  }

  /** Whether {@link #probeTrunks} has started probing (and {@link #close} has not stopped it). */
  public boolean probingTrunks() {
    return probes.probing();
  }

  /** Whether some peer of the trunk {@code name} answered its latest OPTIONS probe. */
  public boolean trunkUp(String name) {
    return probes.up(name);
  }

  /** The trunks that register with their peer, in config order. */
  public List<String> registeringTrunks() {
    return registrations.trunks();
  }

  /** Whether the trunk {@code name} registers and is registered now. */
  public boolean trunkRegistered(String name) {
    return registrations.registered(name);
  }

  /** Stops taking new calls: OPTIONS answers 503 from now on. */
  public void drain() {
    dispatcher.drain();
  }

  @Override
  public void close() {
    dispatcher.drain();
    probes.stop();
    registrar.ifPresent(Registrar::close);
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
