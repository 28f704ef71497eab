package org.tawag.sip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.TimeoutEvent;
import javax.sip.header.CallIdHeader;
import org.tawag.call.CallTimers;
import org.tawag.config.TrunkConfig;
import org.tawag.media.MediaEngine;

/** The outgoing registrations of every trunk that has a {@code register} block. */
final class TrunkRegistrations {
  private final Map<String, TrunkRegistration> byCallId = new ConcurrentHashMap<>();
  private final List<TrunkRegistration> all = new ArrayList<>();
  private final Map<String, TrunkRegistration> byTrunk = new LinkedHashMap<>();

  TrunkRegistrations(
      SipEndpoint sip, List<TrunkConfig> trunks, MediaEngine media, CallTimers timers) {
    for (TrunkConfig t : trunks) {
      if (t.registration().isPresent()) {
        TrunkRegistration r =
            new TrunkRegistration(sip, t, media.executorFor("register:" + t.name()), timers);
        byCallId.put(r.callId(), r);
        byTrunk.put(t.name(), r);
        all.add(r);
      }
    }
  }

  void start() {
    all.forEach(TrunkRegistration::start);
  }

  /** Withdraws every binding; completes once each un-REGISTER is handed to the stack. */
  CompletableFuture<Void> stop() {
    return CompletableFuture.allOf(
        all.stream().map(TrunkRegistration::stop).toArray(CompletableFuture[]::new));
  }

  /** Whether every registration is currently accepted. */
  boolean allRegistered() {
    return all.stream().allMatch(TrunkRegistration::registered);
  }

  /** The names of the trunks that register, in config order. */
  List<String> trunks() {
    return List.copyOf(byTrunk.keySet());
  }

  /** Whether {@code trunk} registers and its registration is accepted now. */
  boolean registered(String trunk) {
    TrunkRegistration r = byTrunk.get(trunk);
    return r != null && r.registered();
  }

  /** Takes a response if it belongs to a registration. */
  boolean onResponse(ResponseEvent ev) {
    String callId = ((CallIdHeader) ev.getResponse().getHeader(CallIdHeader.NAME)).getCallId();
    TrunkRegistration r = byCallId.get(callId);
    if (r == null) {
      return false;
    }
    ClientTransaction tx = ev.getClientTransaction();
    r.executor().execute(() -> r.onResponse(ev.getResponse(), tx));
    return true;
  }

  /** Takes a timeout if it belongs to a registration. */
  boolean onTimeout(TimeoutEvent ev) {
    ClientTransaction tx = ev.getClientTransaction();
    if (tx == null) {
      return false;
    }
    String callId = ((CallIdHeader) tx.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
    TrunkRegistration r = byCallId.get(callId);
    if (r == null) {
      return false;
    }
    r.executor().execute(r::onTimeout);
    return true;
  }
}
