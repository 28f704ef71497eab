package org.tawag.sip;

import gov.nist.javax.sip.ServerTransactionExt;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.call.CallSession;
import org.tawag.call.EndReason;
import org.tawag.config.TrunkConfig;
import org.tawag.dialplan.DialPlan;
import org.tawag.dialplan.Route;
import org.tawag.media.AudioCodec;
import org.tawag.media.MediaEngine;
import org.tawag.media.MediaLeg;
import org.tawag.sdp.Direction;
import org.tawag.sdp.LocalMedia;
import org.tawag.sdp.Negotiated;
import org.tawag.sdp.OfferAnswer;
import org.tawag.sdp.SdpOrigin;
import org.tawag.sdp.SessionDescription;

/**
 * The calls trunks send us, keyed by Call-ID: starts the ones {@link InviteAdmission} admits and
 * hands every later request of a call (ACK, BYE, CANCEL, re-INVITE, INFO) to its serial context.
 */
final class InboundCalls {
  private static final Logger log = LoggerFactory.getLogger(InboundCalls.class);

  /** Our telephone-event payload type when we make the offer; in answers we reuse theirs. */
  static final int TELEPHONE_EVENT_PT = 101;

  /** What incoming calls need from the rest of the server. */
  record Deps(
      SipEndpoint sip,
      TrunkDirectory trunks,
      DialPlan dialPlan,
      MediaEngine media,
      CallLimit limit,
      Duration retryAfter,
      List<AudioCodec> codecs,
      CallSession.Context calls) {}

  private final Deps deps;
  private final Replies replies;
  private final InviteAdmission admission;
  private final Map<String, InboundCall> calls = new ConcurrentHashMap<>();

  /** INVITEs admitted whose media leg is still being bound, so a CANCEL finds them. */
  private final Map<String, ServerTransaction> pending = new ConcurrentHashMap<>();

  InboundCalls(Deps deps) {
    this.deps = deps;
    this.replies = new Replies(deps.sip(), deps.retryAfter());
    this.admission = new InviteAdmission(deps, replies);
  }

  void onInitialInvite(RequestEvent ev) {
    admission.admit(ev).ifPresent(this::launch);
  }

  /** Binds the RTP leg on the call's own loop, then starts the call there. */
  private void launch(InviteAdmission.Admitted a) {
    String callId = Replies.callIdOf(a.invite().getRequest());
    pending.put(callId, a.invite());
    Executor executor = deps.media().executorFor(callId);
    deps.media()
        .openLeg(callId)
        .whenComplete((leg, err) -> executor.execute(() -> start(a, leg, err)));
  }

  private void start(InviteAdmission.Admitted a, MediaLeg leg, Throwable err) {
    ServerTransaction st = a.invite();
    Request req = st.getRequest();
    String callId = Replies.callIdOf(req);
    String tag = a.tag();
    TrunkConfig trunk = a.trunk();
    Route route = a.route();
    SessionDescription offer = a.offer();
    if (pending.remove(callId) == null) {
      // Cancelled while the leg was being bound: the CANCEL already answered 487.
      if (leg != null) {
        leg.close();
      }
      deps.limit().release();
      return;
    }
    if (err != null) {
      deps.limit().release();
      log.warn("call {}: no media ports: {}", callId, err.toString());
      replies.overloaded(st, req, tag);
      return;
    }
    LocalMedia local =
        new LocalMedia(
            deps.media().advertisedAddress(),
            leg.localRtpPort(),
            deps.codecs(),
            TELEPHONE_EVENT_PT);
    SdpOrigin origin =
        new SdpOrigin(
            ThreadLocalRandom.current().nextLong(1, Integer.MAX_VALUE),
            deps.media().advertisedAddress());
    SessionDescription localSdp;
    Negotiated negotiated = null;
    if (offer == null) {
      // Late offer: ours goes in the 200, their answer comes in the ACK (RFC 3261 §13.2.1).
      localSdp = OfferAnswer.offer(local, origin, Direction.SENDRECV);
    } else {
      OfferAnswer.Outcome outcome = OfferAnswer.answer(offer, local, origin);
      if (outcome instanceof OfferAnswer.Outcome.Rejected rejected) {
        // Cannot happen after the trial answer agreed, but never leave a caller hanging.
        leg.close();
        deps.limit().release();
        replies.noCommonCodec(st, req, tag, rejected);
        return;
      }
      localSdp = ((OfferAnswer.Outcome.Accepted) outcome).answer();
      negotiated = ((OfferAnswer.Outcome.Accepted) outcome).media();
    }
    InboundCall call =
        new InboundCall(
            deps.sip(),
            callId,
            trunk,
            a.dialled(),
            st,
            a.dialog(),
            tag,
            leg,
            local,
            origin,
            localSdp,
            negotiated,
            this::ended);
    calls.put(callId, call);
    CallSession session = new CallSession(call, deps.calls());
    call.attach(session);
    log.info("call {} on trunk {} to {}", callId, trunk.name(), route.name());
    session.enter(route);
  }

  private void ended(InboundCall call) {
    if (calls.remove(call.callId(), call)) {
      deps.limit().release();
    }
  }

  void onAck(RequestEvent ev) {
    String callId = callIdOf(ev.getRequest());
    InboundCall call = calls.get(callId);
    if (call != null) {
      Request ack = ev.getRequest();
      deps.media().executorFor(callId).execute(() -> call.onAck(ack));
    }
  }

  void onBye(RequestEvent ev) {
    inDialog(ev, (call, st) -> call.onBye(st, ev.getRequest()));
  }

  void onReInvite(RequestEvent ev) {
    inDialog(ev, (call, st) -> call.onReInvite(st, ev.getRequest()));
  }

  void onInfo(RequestEvent ev) {
    inDialog(ev, (call, st) -> call.onInfo(st, ev.getRequest()));
  }

  void onCancel(RequestEvent ev) {
    Request cancel = ev.getRequest();
    String callId = callIdOf(cancel);
    ServerTransaction st = serverTransaction(ev);
    if (st == null) {
      return;
    }
    deps.media()
        .executorFor(callId)
        .execute(
            () -> {
              InboundCall call = calls.get(callId);
              if (call != null) {
                call.onCancel(st, cancel);
                return;
              }
              ServerTransaction invite = pending.remove(callId);
              if (invite == null) {
                invite = ((ServerTransactionExt) st).getCanceledInviteTransaction();
                if (invite == null) {
                  replies.send(st, cancel, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null, null);
                  return;
                }
              }
              replies.send(st, cancel, Response.OK, null, null);
              replies.send(
                  invite,
                  invite.getRequest(),
                  Response.REQUEST_TERMINATED,
                  SipMessages.newTag(),
                  null);
            });
  }

  /** The stack gave up on a call's dialog; false when no call of ours owns it. */
  boolean onDialogFailed(String callId) {
    InboundCall call = calls.get(callId);
    if (call != null) {
      deps.media().executorFor(callId).execute(call::onDialogFailed);
    }
    return call != null;
  }

  /** Our 200 was never ACKed (64*T1); false when no call of ours owns the dialog. */
  boolean onAckTimeout(String callId) {
    InboundCall call = calls.get(callId);
    if (call != null) {
      deps.media().executorFor(callId).execute(call::onAckTimeout);
    }
    return call != null;
  }

  private interface InDialog {
    void handle(InboundCall call, ServerTransaction st);
  }

  private void inDialog(RequestEvent ev, InDialog handler) {
    Request req = ev.getRequest();
    String callId = callIdOf(req);
    ServerTransaction st = serverTransaction(ev);
    if (st == null) {
      return;
    }
    InboundCall call = calls.get(callId);
    if (call == null) {
      replies.send(st, req, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null, null);
      return;
    }
    deps.media().executorFor(callId).execute(() -> handler.handle(call, st));
  }

  private ServerTransaction serverTransaction(RequestEvent ev) {
    if (ev.getServerTransaction() != null) {
      return ev.getServerTransaction();
    }
    try {
      return deps.sip().provider().getNewServerTransaction(ev.getRequest());
    } catch (TransactionAlreadyExistsException e) {
      return null; // A retransmission: the existing transaction answers it.
    } catch (Exception e) {
      log.warn(
          "cannot create a server transaction for {}: {}",
          ev.getRequest().getMethod(),
          e.toString());
      return null;
    }
  }

  static String callIdOf(Request req) {
    return Replies.callIdOf(req);
  }

  /** Ends every call (server shutdown); completes once each BYE or error response is sent. */
  CompletableFuture<Void> hangUpAll() {
    return CompletableFuture.allOf(
        calls.values().stream()
            .map(
                call ->
                    CompletableFuture.runAsync(
                        () -> call.hangUp(EndReason.SHUTDOWN),
                        deps.media().executorFor(call.callId())))
            .toArray(CompletableFuture[]::new));
  }
}
