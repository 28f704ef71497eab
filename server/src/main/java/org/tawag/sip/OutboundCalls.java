package org.tawag.sip;

import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.TimeoutEvent;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.call.CallSession;
import org.tawag.call.CallTimers;
import org.tawag.config.HostPort;
import org.tawag.config.TrunkConfig;
import org.tawag.media.AudioCodec;
import org.tawag.media.MediaEngine;
import org.tawag.media.MediaLeg;
import org.tawag.sdp.Direction;
import org.tawag.sdp.LocalMedia;
import org.tawag.sdp.OfferAnswer;
import org.tawag.sdp.SdpOrigin;
import org.tawag.sdp.SessionDescription;
import org.tawag.sip.registrar.PhoneBinding;
import org.tawag.sip.registrar.PhoneBindings;

/**
 * Places calls through trunks (the service click-to-dial and campaigns use) and to registered SIP
 * phones (the ACD offering a call to an operator). Each call's result says whether it was answered
 * and, if not, why.
 */
public final class OutboundCalls {
  private static final Logger log = LoggerFactory.getLogger(OutboundCalls.class);

  /**
   * What placing calls needs from the rest of the server.
   *
   * @param phones the registered phones, or empty when phones cannot register
   */
  record Deps(
      SipEndpoint sip,
      TrunkDirectory trunks,
      MediaEngine media,
      CallLimit limit,
      List<AudioCodec> codecs,
      CallSession.Context calls,
      CallTimers timers,
      Optional<PhoneBindings> phones) {}

  /** Builds a call's INVITE once its Call-ID and SDP offer exist. */
  private interface InviteBuilder {
    Request build(String callId, SessionDescription offer) throws Exception;
  }

  /** Where a phone call's requests go: the registered flow, or null for a trunk. */
  private record Flow(String host, int port, String transport) {}

  private final Deps deps;
  private final Map<String, OutboundCall> calls = new ConcurrentHashMap<>();

  OutboundCalls(Deps deps) {
    this.deps = deps;
  }

  /**
   * Starts dialling. The returned future completes once the INVITE is sent (or fails at once:
   * unknown trunk, over the call limit, no RTP ports); the call's {@link OutboundCall#result()}
   * then says how the attempt ended.
   */
  public CompletableFuture<OutboundCall> dial(DialRequest request) {
    TrunkConfig trunk =
        deps.trunks()
            .byName(request.trunk())
            .orElseThrow(
                () -> new IllegalArgumentException("no trunk named '" + request.trunk() + "'"));
    if (trunk.peers().isEmpty()) {
      throw new IllegalArgumentException("trunk '" + trunk.name() + "' has no peers to call");
    }
    if (!deps.limit().tryAcquire()) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("call limit reached: " + deps.limit().active() + " calls"));
    }
    return place(
        request.callId(),
        OutboundCall.Target.trunk(trunk, request),
        request.ringTimeout(),
        null,
        (callId, offer) -> trunkInvite(callId, trunk, request, offer));
  }

  /**
   * Calls a registered phone: an INVITE to its registered Contact, sent to the address and port its
   * REGISTER came from over the same transport; no digest. The call's {@link OutboundCall#trunk()}
   * is {@code phone:<username>}. The future fails at once with a {@link DialException}: NOT_FOUND
   * when the user has no live binding, CONGESTION over the call limit; otherwise as {@link #dial}.
   */
  public CompletableFuture<OutboundCall> dialPhone(PhoneDial dial) {
    Optional<PhoneBinding> found = deps.phones().flatMap(p -> p.find(dial.username()));
    if (found.isEmpty()) {
      return CompletableFuture.failedFuture(
          new DialException(
              DialResult.Cause.NOT_FOUND,
              "phone user '" + dial.username() + "' is not registered"));
    }
    if (!deps.limit().tryAcquire()) {
      return CompletableFuture.failedFuture(
          new DialException(
              DialResult.Cause.CONGESTION,
              "call limit reached: " + deps.limit().active() + " calls"));
    }
    PhoneBinding binding = found.get();
    OutboundCall.Target target =
        new OutboundCall.Target(
            PHONE_PREFIX + dial.username(),
            "phone " + dial.username(),
            dial.username(),
            Optional.empty(),
            Optional.empty());
    return place(
        Optional.empty(),
        target,
        dial.ringTimeout(),
        new Flow(binding.sourceHost(), binding.sourcePort(), binding.transport()),
        (callId, offer) -> phoneInvite(callId, binding, dial, offer));
  }

  /** The {@link OutboundCall#trunk()} prefix of calls to phones. */
  public static final String PHONE_PREFIX = "phone:";

  /** Opens the media leg, then sends the INVITE on the call's loop; holds one call slot. */
  private CompletableFuture<OutboundCall> place(
      Optional<String> requestedCallId,
      OutboundCall.Target target,
      Duration ringTimeout,
      Flow flow,
      InviteBuilder invite) {
    String callId =
        requestedCallId.orElseGet(() -> deps.sip().provider().getNewCallId().getCallId());
    Executor executor = deps.media().executorFor(callId);
    CompletableFuture<OutboundCall> placed = new CompletableFuture<>();
    deps.media()
        .openLeg(callId)
        .whenComplete(
            (leg, err) ->
                executor.execute(
                    () -> {
                      if (err != null) {
                        deps.limit().release();
                        placed.completeExceptionally(err);
                        return;
                      }
                      try {
                        placed.complete(send(callId, target, ringTimeout, flow, invite, leg));
                      } catch (Exception e) {
                        calls.remove(callId);
                        deps.sip().flows().unpin(callId);
                        leg.close();
                        deps.limit().release();
                        placed.completeExceptionally(e);
                      }
                    }));
    return placed;
  }

  private OutboundCall send(
      String callId,
      OutboundCall.Target target,
      Duration ringTimeout,
      Flow flow,
      InviteBuilder builder,
      MediaLeg leg)
      throws Exception {
    LocalMedia local =
        new LocalMedia(
            deps.media().advertisedAddress(),
            leg.localRtpPort(),
            deps.codecs(),
            InboundCalls.TELEPHONE_EVENT_PT);
    SdpOrigin origin =
        new SdpOrigin(
            ThreadLocalRandom.current().nextLong(1, Integer.MAX_VALUE),
            deps.media().advertisedAddress());
    SessionDescription offer = OfferAnswer.offer(local, origin, Direction.SENDRECV);
    Request invite = builder.build(callId, offer);

    OutboundCall call = new OutboundCall(deps.sip(), callId, target, leg, offer, this::ended);
    CallSession session = new CallSession(call, deps.calls());
    call.attach(session);
    calls.put(callId, call);
    if (flow != null) {
      // Before the transaction exists: the stack asks the router for the INVITE's next hop then.
      deps.sip().flows().pin(callId, flow.host(), flow.port(), flow.transport());
    }

    ClientTransaction ct = deps.sip().provider().getNewClientTransaction(invite);
    Dialog dialog = deps.sip().provider().getNewDialog(ct);
    call.sent(ct, dialog);
    SipMessages.sendRequest(deps.sip(), ct);
    deps.timers()
        .schedule(
            leg.executor(),
            ringTimeout,
            () -> {
              if (!call.result().isDone()) {
                call.giveUp(DialResult.Cause.NO_ANSWER, "No answer within " + ringTimeout);
              }
            });
    log.info("call {} dialling {}", callId, target.label());
    return call;
  }

  private Request trunkInvite(
      String callId, TrunkConfig trunk, DialRequest request, SessionDescription offer)
      throws ParseException, javax.sip.InvalidArgumentException {
    SipEndpoint sip = deps.sip();
    HostPort peer = trunk.peers().get(0);
    String transport = trunk.transport();
    SipURI target = sip.addresses().createSipURI(request.number(), peer.host());
    target.setPort(peer.port());
    if (!"udp".equalsIgnoreCase(transport)) {
      target.setTransportParam(transport);
    }
    String user = request.callerId().orElse(trunk.fromUser());
    SipURI fromUri = sip.addresses().createSipURI(user, sip.settings().advertisedAddress());
    Address fromAddress = sip.addresses().createAddress(fromUri);
    SipURI toUri = sip.addresses().createSipURI(request.number(), peer.host());
    return invite(callId, target, fromAddress, toUri, transport, offer);
  }

  private Request phoneInvite(
      String callId, PhoneBinding binding, PhoneDial dial, SessionDescription offer)
      throws ParseException, javax.sip.InvalidArgumentException {
    SipEndpoint sip = deps.sip();
    URI target = sip.addresses().createURI(binding.contact());
    String caller = dial.callerId().orElse(PHONE_DEFAULT_CALLER);
    Address fromAddress =
        sip.addresses()
            .createAddress(
                sip.addresses().createSipURI(caller, sip.settings().advertisedAddress()));
    fromAddress.setDisplayName(caller);
    SipURI toUri =
        sip.addresses().createSipURI(dial.username(), sip.settings().advertisedAddress());
    return invite(callId, target, fromAddress, toUri, binding.transport(), offer);
  }

  /** The From user (and display name) of phone calls without a caller number. */
  static final String PHONE_DEFAULT_CALLER = "tawag";

  private Request invite(
      String callId,
      URI target,
      Address fromAddress,
      SipURI toUri,
      String transport,
      SessionDescription offer)
      throws ParseException, javax.sip.InvalidArgumentException {
    SipEndpoint sip = deps.sip();
    FromHeader from = sip.headers().createFromHeader(fromAddress, SipMessages.newTag());
    ToHeader to = sip.headers().createToHeader(sip.addresses().createAddress(toUri), null);
    int port =
        "tcp".equalsIgnoreCase(transport) ? sip.settings().tcpPort() : sip.settings().udpPort();
    ViaHeader via =
        sip.headers().createViaHeader(sip.settings().advertisedAddress(), port, transport, null);
    CallIdHeader callIdHeader = sip.headers().createCallIdHeader(callId);
    Request invite =
        sip.messages()
            .createRequest(
                target,
                Request.INVITE,
                callIdHeader,
                sip.headers().createCSeqHeader(1L, Request.INVITE),
                from,
                to,
                List.of(via),
                sip.headers().createMaxForwardsHeader(70));
    invite.addHeader(sip.contact(transport));
    new SipMessages(sip).setSdp(invite, offer.toString());
    return invite;
  }

  private void ended(OutboundCall call) {
    deps.sip().flows().unpin(call.callId());
    if (calls.remove(call.callId(), call)) {
      deps.limit().release();
    }
  }

  void onResponse(ResponseEvent ev) {
    String callId = ((CallIdHeader) ev.getResponse().getHeader(CallIdHeader.NAME)).getCallId();
    OutboundCall call = calls.get(callId);
    if (call != null) {
      ClientTransaction tx = ev.getClientTransaction();
      call.media().executor().execute(() -> call.onResponse(ev.getResponse(), tx));
    } else if (ev.getResponse().getStatusCode() / 100 == 2 && ev.getDialog() != null) {
      log.debug("late 2xx for ended call {}", callId);
    }
  }

  void onTimeout(TimeoutEvent ev) {
    ClientTransaction tx = ev.getClientTransaction();
    if (tx == null || !Request.INVITE.equals(tx.getRequest().getMethod())) {
      return;
    }
    String callId = ((CallIdHeader) tx.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
    OutboundCall call = calls.get(callId);
    if (call != null) {
      call.media().executor().execute(call::onTimeout);
    }
  }

  /** Takes a BYE if it belongs to one of our outgoing calls. */
  boolean onBye(RequestEvent ev) {
    String callId = InboundCalls.callIdOf(ev.getRequest());
    OutboundCall call = calls.get(callId);
    if (call == null) {
      return false;
    }
    ServerTransaction st = ev.getServerTransaction();
    try {
      if (st == null) {
        st = deps.sip().provider().getNewServerTransaction(ev.getRequest());
      }
    } catch (Exception e) {
      return true; // A retransmitted BYE: the existing transaction answers it.
    }
    ServerTransaction tx = st;
    call.media().executor().execute(() -> call.onBye(tx, ev.getRequest()));
    return true;
  }

  /** The stack gave up on a call's dialog; false when no call of ours owns it. */
  boolean onDialogFailed(String callId) {
    OutboundCall call = calls.get(callId);
    if (call != null) {
      call.media().executor().execute(call::onDialogFailed);
    }
    return call != null;
  }
}
