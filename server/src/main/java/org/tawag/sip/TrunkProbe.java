package org.tawag.sip;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import javax.sip.ClientTransaction;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.call.CallTimers;
import org.tawag.config.HostPort;
import org.tawag.config.TrunkConfig;

/**
 * Probes one peer of a trunk with OPTIONS every interval: up after a response of any code (even 404
 * or 503 prove the peer is there), down when none comes within the timeout. One Call-ID for the
 * probe's life, CSeq +1 per request; only the latest probe's response counts.
 *
 * <p>Runs on one serial context (the executor picked for its Call-ID); {@link #up()} is read from
 * any thread.
 */
final class TrunkProbe {
  private static final Logger log = LoggerFactory.getLogger(TrunkProbe.class);

  private final SipEndpoint sip;
  private final TrunkConfig trunk;
  private final HostPort peer;
  private final Executor executor;
  private final CallTimers timers;
  private final TrunkProbeSettings settings;
  private final LongSupplier nanoClock;
  private final String callId;

  private long cseq;
  private long sentNanos;
  private boolean answered;
  private boolean stopped;
  private CallTimers.Timer next;
  private CallTimers.Timer deadline;
  private volatile boolean up;

  TrunkProbe(
      SipEndpoint sip,
      TrunkConfig trunk,
      HostPort peer,
      Executor executor,
      CallTimers timers,
      TrunkProbeSettings settings,
      LongSupplier nanoClock) {
    this.sip = sip;
    this.trunk = trunk;
    this.peer = peer;
    this.executor = executor;
    this.timers = timers;
    this.settings = settings;
    this.nanoClock = nanoClock;
    this.callId = sip.provider().getNewCallId().getCallId();
  }

  String callId() {
    return callId;
  }

  String trunk() {
    return trunk.name();
  }

  Executor executor() {
    return executor;
  }

  /** Whether the peer answered the latest probe that has an outcome. */
  boolean up() {
    return up;
  }

  /** Sends the first probe after one interval. */
  void start() {
    executor.execute(() -> scheduleNext(settings.interval()));
  }

  /** Stops probing; a probe in flight still ends in its transaction's own time. */
  void stop() {
    try {
      executor.execute(
          () -> {
            stopped = true;
            cancel(next);
            cancel(deadline);
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // The media engine shut its loops down already, and the timers with them.
    }
  }

  void onResponse(Response response) {
    long cseqOf = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
    if (stopped || cseqOf != cseq || answered || response.getStatusCode() < 200) {
      // Provisional responses prove nothing final; older probes' answers are stale.
      return;
    }
    answered = true;
    cancel(deadline);
    Duration rtt = Duration.ofNanos(nanoClock.getAsLong() - sentNanos);
    if (!up) {
      log.info("trunk {}: peer answers OPTIONS ({})", trunk.name(), response.getStatusCode());
    }
    up = true;
    sip.traffic().trunkProbeAnswered(trunk.name(), rtt);
  }

  private void probe() {
    if (stopped) {
      return;
    }
    scheduleNext(settings.interval());
    try {
      ClientTransaction ct = sip.provider().getNewClientTransaction(request());
      answered = false;
      sentNanos = nanoClock.getAsLong();
      deadline = timers.schedule(executor, settings.timeout(), this::timedOut);
      SipMessages.sendRequest(sip, ct);
    } catch (Exception e) {
      log.warn("trunk {}: cannot send OPTIONS: {}", trunk.name(), e.toString());
      down();
    }
  }

  private void timedOut() {
    if (!stopped && !answered) {
      down();
    }
  }

  private void down() {
    if (up) {
      log.warn("trunk {}: peer does not answer OPTIONS", trunk.name());
    }
    up = false;
  }

  private void scheduleNext(Duration after) {
    if (!stopped) {
      next = timers.schedule(executor, after, this::probe);
    }
  }

  private Request request() throws Exception {
    SipURI target = sip.addresses().createSipURI(null, peer.host());
    target.setPort(peer.port());
    if (!"udp".equalsIgnoreCase(trunk.transport())) {
      target.setTransportParam(trunk.transport());
    }
    int port =
        "tcp".equalsIgnoreCase(trunk.transport())
            ? sip.settings().tcpPort()
            : sip.settings().udpPort();
    ViaHeader via =
        sip.headers()
            .createViaHeader(sip.settings().advertisedAddress(), port, trunk.transport(), null);
    CallIdHeader id = sip.headers().createCallIdHeader(callId);
    SipURI self = sip.addresses().createSipURI("tawag", sip.settings().advertisedAddress());
    Address from = sip.addresses().createAddress(self);
    Address to = sip.addresses().createAddress(target);
    return sip.messages()
        .createRequest(
            target,
            Request.OPTIONS,
            id,
            sip.headers().createCSeqHeader(++cseq, Request.OPTIONS),
            sip.headers().createFromHeader(from, SipMessages.newTag()),
            sip.headers().createToHeader(to, null),
            List.of(via),
            sip.headers().createMaxForwardsHeader(70));
  }

  private static void cancel(CallTimers.Timer timer) {
    if (timer != null) {
      timer.cancel();
    }
  }
}
