package org.tawag.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.TimeoutEvent;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.tawag.call.CallTimers;
import org.tawag.config.HostPort;
import org.tawag.config.TrunkConfig;
import org.tawag.media.MediaEngine;

/**
 * The OPTIONS probes of every trunk peer ({@link TrunkProbe}); a trunk is up while any of its peers
 * answers. Idle until {@link #start}.
 */
final class TrunkProbes {
  private final SipEndpoint sip;
  private final List<TrunkConfig> trunks;
  private final MediaEngine media;
  private final CallTimers timers;
  private final LongSupplier nanoClock;
  private final Map<String, TrunkProbe> byCallId = new ConcurrentHashMap<>();
  private volatile List<TrunkProbe> all = List.of();
  private volatile boolean probing;

  TrunkProbes(
      SipEndpoint sip,
      List<TrunkConfig> trunks,
      MediaEngine media,
      CallTimers timers,
      LongSupplier nanoClock) {
    this.sip = sip;
    this.trunks = List.copyOf(trunks);
    this.media = media;
    this.timers = timers;
    this.nanoClock = nanoClock;
  }

  /** Starts probing every peer of every trunk with {@code settings}, replacing earlier probes. */
  synchronized void start(TrunkProbeSettings settings) {
    stop();
    List<TrunkProbe> probes = new ArrayList<>();
    for (TrunkConfig t : trunks) {
      for (HostPort peer : t.peers()) {
        TrunkProbe p =
            new TrunkProbe(
                sip,
                t,
                peer,
                media.executorFor("probe:" + t.name() + ":" + peer),
                timers,
                settings,
                nanoClock);
        probes.add(p);
        byCallId.put(p.callId(), p);
      }
    }
    all = List.copyOf(probes);
    probing = true;
    all.forEach(TrunkProbe::start);
  }

  /** Stops every probe. */
  synchronized void stop() {
    probing = false;
    all.forEach(TrunkProbe::stop);
    all = List.of();
    byCallId.clear();
  }

  /** Whether {@link #start} was called and {@link #stop} was not since. */
  boolean probing() {
    return probing;
  }

  /** Whether some peer of {@code trunk} answered its latest probe; false before any answer. */
  boolean up(String trunk) {
    return all.stream().anyMatch(p -> p.trunk().equals(trunk) && p.up());
  }

  /** Takes a response if it answers a probe. */
  boolean onResponse(ResponseEvent ev) {
    Response response = ev.getResponse();
    TrunkProbe p = byCallId.get(((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId());
    if (p == null) {
      return false;
    }
    p.executor().execute(() -> p.onResponse(response));
    return true;
  }

  /** Takes the stack's transaction timeout of a probe (the probe's own timer decided already). */
  boolean onTimeout(TimeoutEvent ev) {
    ClientTransaction tx = ev.getClientTransaction();
    if (tx == null || !Request.OPTIONS.equals(tx.getRequest().getMethod())) {
      return false;
    }
    String callId = ((CallIdHeader) tx.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
    return byCallId.containsKey(callId);
  }
}
