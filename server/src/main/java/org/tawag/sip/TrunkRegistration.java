package org.tawag.sip;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.ClientTransaction;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.call.CallTimers;
import org.tawag.config.HostPort;
import org.tawag.config.TrunkConfig;

/**
 * Keeps Tawag registered with a trunk that wants a REGISTER (RFC 3261 §10.2): one Call-ID for the
 * binding's life, CSeq +1 per request, digest answers to 401/407, a refresh at half the expiry the
 * registrar granted, a retry after failures, and Expires: 0 on shutdown.
 *
 * <p>Runs on one serial context (the executor picked for its Call-ID).
 */
final class TrunkRegistration {
  private static final Logger log = LoggerFactory.getLogger(TrunkRegistration.class);

  /** How long to wait before trying again after a failure or timeout. */
  static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

  /** The shortest refresh interval, whatever the registrar grants. */
  static final Duration MIN_REFRESH = Duration.ofSeconds(1);

  private final SipEndpoint sip;
  private final TrunkConfig trunk;
  private final TrunkConfig.Registration registration;
  private final Executor executor;
  private final CallTimers timers;
  private final String callId;

  private long cseq;
  private boolean challenged;
  private boolean stopped;
  private CallTimers.Timer refresh;
  private volatile boolean registered;

  TrunkRegistration(SipEndpoint sip, TrunkConfig trunk, Executor executor, CallTimers timers) {
    this.sip = sip;
    this.trunk = trunk;
    this.registration = trunk.registration().orElseThrow();
    this.executor = executor;
    this.timers = timers;
    this.callId = sip.provider().getNewCallId().getCallId();
  }

  String callId() {
    return callId;
  }

  Executor executor() {
    return executor;
  }

  /** Whether the last REGISTER was accepted and has not expired or been withdrawn. */
  boolean registered() {
    return registered;
  }

  void start() {
    executor.execute(() -> send(registration.expires()));
  }

  /** Withdraws the binding (Expires: 0) and stops refreshing. */
  CompletableFuture<Void> stop() {
    return CompletableFuture.runAsync(
        () -> {
          stopped = true;
          if (refresh != null) {
            refresh.cancel();
          }
          if (registered) {
            send(Duration.ZERO);
            registered = false;
          }
        },
        executor);
  }

  private void send(Duration expires) {
    challenged = false;
    try {
      ClientTransaction ct = sip.provider().getNewClientTransaction(request(expires));
      SipMessages.sendRequest(sip, ct);
    } catch (Exception e) {
      log.warn("trunk {}: cannot send REGISTER: {}", trunk.name(), e.toString());
      retryLater();
    }
  }

  private Request request(Duration expires) throws Exception {
    HostPort peer = trunk.peers().get(0);
    SipURI registrar = sip.addresses().createSipURI(null, peer.host());
    registrar.setPort(peer.port());
    if (!"udp".equalsIgnoreCase(trunk.transport())) {
      registrar.setTransportParam(trunk.transport());
    }
    Address aor = sip.addresses().createAddress(registration.aor());
    int port =
        "tcp".equalsIgnoreCase(trunk.transport())
            ? sip.settings().tcpPort()
            : sip.settings().udpPort();
    ViaHeader via =
        sip.headers()
            .createViaHeader(sip.settings().advertisedAddress(), port, trunk.transport(), null);
    CallIdHeader id = sip.headers().createCallIdHeader(callId);
    Request r =
        sip.messages()
            .createRequest(
                registrar,
                Request.REGISTER,
                id,
                sip.headers().createCSeqHeader(++cseq, Request.REGISTER),
                sip.headers()
                    .createFromHeader(
                        aor, Long.toHexString(ThreadLocalRandom.current().nextLong())),
                sip.headers().createToHeader(aor, null),
                List.of(via),
                sip.headers().createMaxForwardsHeader(70));
    ContactHeader contact = sip.contact(trunk.transport());
    r.addHeader(contact);
    r.addHeader(sip.headers().createExpiresHeader((int) expires.toSeconds()));
    return r;
  }

  void onResponse(Response response, ClientTransaction tx) {
    int status = response.getStatusCode();
    if (status < 200 || stopped && status / 100 == 2) {
      return;
    }
    if ((status == 401 || status == 407) && !challenged && trunk.credentials().isPresent()) {
      challenged = true;
      answerChallenge(response, tx);
    } else if (status / 100 == 2) {
      Duration granted = granted(response);
      registered = granted.toSeconds() > 0;
      Duration next =
          granted.dividedBy(2).compareTo(MIN_REFRESH) < 0 ? MIN_REFRESH : granted.dividedBy(2);
      log.info(
          "trunk {}: registered for {} s, refreshing in {} s",
          trunk.name(),
          granted.toSeconds(),
          next.toSeconds());
      schedule(next);
    } else {
      registered = false;
      log.warn(
          "trunk {}: REGISTER refused with {} {}",
          trunk.name(),
          status,
          response.getReasonPhrase());
      retryLater();
    }
  }

  void onTimeout() {
    registered = false;
    log.warn("trunk {}: REGISTER got no answer", trunk.name());
    retryLater();
  }

  private void answerChallenge(Response response, ClientTransaction tx) {
    try {
      Request retry =
          DigestAuthorizer.authorize(
              sip, tx.getRequest(), response, trunk.credentials().orElseThrow());
      cseq = ((CSeqHeader) retry.getHeader(CSeqHeader.NAME)).getSeqNumber();
      SipMessages.sendRequest(sip, sip.provider().getNewClientTransaction(retry));
    } catch (Exception e) {
      log.warn("trunk {}: cannot answer the REGISTER challenge: {}", trunk.name(), e.toString());
      retryLater();
    }
  }

  /** The expiry granted: our Contact's expires parameter, else the Expires header (§10.2.4). */
  private Duration granted(Response response) {
    ContactHeader contact = (ContactHeader) response.getHeader(ContactHeader.NAME);
    if (contact != null && contact.getExpires() >= 0) {
      return Duration.ofSeconds(contact.getExpires());
    }
    ExpiresHeader expires = (ExpiresHeader) response.getHeader(ExpiresHeader.NAME);
    return expires != null ? Duration.ofSeconds(expires.getExpires()) : registration.expires();
  }

  private void retryLater() {
    schedule(RETRY_AFTER_FAILURE);
  }

  private void schedule(Duration after) {
    if (stopped) {
      return;
    }
    if (refresh != null) {
      refresh.cancel();
    }
    refresh = timers.schedule(executor, after, () -> send(registration.expires()));
  }
}
