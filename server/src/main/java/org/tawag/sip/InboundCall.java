package org.tawag.sip;

import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.call.CallChannel;
import org.tawag.call.CallSession;
import org.tawag.call.EndReason;
import org.tawag.config.TrunkConfig;
import org.tawag.media.MediaLeg;
import org.tawag.sdp.LocalMedia;
import org.tawag.sdp.Negotiated;
import org.tawag.sdp.OfferAnswer;
import org.tawag.sdp.SdpException;
import org.tawag.sdp.SdpOrigin;
import org.tawag.sdp.SessionDescription;

/**
 * A call a trunk sent us (we are the UAS of its dialog), from INVITE to BYE.
 *
 * <p>Runs on the call's serial context only: the SIP listener hands every event for this Call-ID to
 * {@link MediaLeg#executor()}.
 */
final class InboundCall implements CallChannel, MediaLeg.Listener {
  private static final Logger log = LoggerFactory.getLogger(InboundCall.class);

  private enum State {
    /** INVITE received, no final response yet. */
    RINGING,
    /** 200 OK sent, ACK not yet received (RFC 3261 §13.3.1.4). */
    ANSWERED,
    /** ACK received. */
    CONFIRMED,
    ENDED
  }

  private final SipEndpoint sip;
  private final SipMessages messages;
  private final String callId;
  private final TrunkConfig trunk;
  private final String dialled;
  private final String transport;
  private final ServerTransaction inviteTx;
  private final Dialog dialog;
  private final String localTag;
  private final MediaLeg media;
  private final LocalMedia local;
  private final SdpOrigin origin;
  private final Consumer<InboundCall> onEnded;

  /** The SDP we sent last: our answer, or our offer when the INVITE had none (late offer). */
  private SessionDescription currentSdp;

  /** What was agreed; null until the ACK brings the answer to a late offer. */
  private Negotiated negotiated;

  private CallSession session;
  private State state = State.RINGING;
  private boolean ringing;
  private EndReason hangUpAfterAck;

  InboundCall(
      SipEndpoint sip,
      String callId,
      TrunkConfig trunk,
      String dialled,
      ServerTransaction inviteTx,
      Dialog dialog,
      String localTag,
      MediaLeg media,
      LocalMedia local,
      SdpOrigin origin,
      SessionDescription localSdp,
      Negotiated negotiated,
      Consumer<InboundCall> onEnded) {
    this.sip = sip;
    this.messages = new SipMessages(sip);
    this.callId = callId;
    this.trunk = trunk;
    this.dialled = dialled;
    this.transport = SipMessages.transportOf(inviteTx.getRequest());
    this.inviteTx = inviteTx;
    this.dialog = dialog;
    this.localTag = localTag;
    this.media = media;
    this.local = local;
    this.origin = origin;
    this.negotiated = negotiated;
    this.currentSdp = localSdp;
    this.onEnded = onEnded;
    media.setListener(this);
  }

  void attach(CallSession session) {
    this.session = session;
  }

  @Override
  public String callId() {
    return callId;
  }

  @Override
  public String trunk() {
    return trunk.name();
  }

  @Override
  public String dialledNumber() {
    return dialled;
  }

  @Override
  public String callerNumber() {
    return SipMessages.fromUser(inviteTx.getRequest());
  }

  @Override
  public MediaLeg media() {
    return media;
  }

  @Override
  public void ring() {
    if (state != State.RINGING || ringing) {
      return;
    }
    ringing = true;
    try {
      Response r = messages.response(inviteTx.getRequest(), Response.RINGING, localTag);
      messages.addContact(r, transport);
      SipMessages.sendResponse(sip, inviteTx, r);
    } catch (Exception e) {
      log.warn("call {}: could not send 180: {}", callId, e.toString());
    }
  }

  @Override
  public void answer() {
    if (state != State.RINGING) {
      return;
    }
    try {
      Response ok = messages.response(inviteTx.getRequest(), Response.OK, localTag);
      messages.addContact(ok, transport);
      messages.addAllow(ok);
      messages.setSdp(ok, currentSdp.toString());
      SipMessages.sendResponse(sip, inviteTx, ok);
      state = State.ANSWERED;
      if (negotiated != null) {
        media.configure(negotiated.toMediaParams());
      }
    } catch (Exception e) {
      log.warn("call {}: could not answer: {}", callId, e.toString());
      end(EndReason.SIGNALLING_FAILURE);
    }
  }

  @Override
  public void reject(int code, String reason) {
    if (state != State.RINGING) {
      return;
    }
    try {
      Response r =
          SipMessages.withReason(messages.response(inviteTx.getRequest(), code, localTag), reason);
      messages.send(inviteTx, r);
    } catch (Exception e) {
      log.warn("call {}: could not reject with {}: {}", callId, code, e.toString());
    }
    end(EndReason.REJECTED);
  }

  @Override
  public void hangUp(EndReason reason) {
    switch (state) {
      case RINGING -> {
        reject(480, "Temporarily Unavailable");
        // reject() ended the call as REJECTED; the reason the session gave is in the log.
        log.debug("call {} hung up before answer: {}", callId, reason);
      }
      case ANSWERED -> hangUpAfterAck = reason; // RFC 3261 §15: no BYE before the ACK.
      case CONFIRMED -> {
        sendBye();
        end(reason);
      }
      case ENDED -> {}
    }
  }

  void onAck(Request ack) {
    if (state != State.ANSWERED) {
      return;
    }
    state = State.CONFIRMED;
    if (negotiated == null && !acceptLateAnswer(SipMessages.body(ack))) {
      log.info("call {}: the ACK brought no usable answer to our offer, hanging up", callId);
      hangUpAfterAck = EndReason.SIGNALLING_FAILURE;
    }
    if (hangUpAfterAck != null) {
      sendBye();
      end(hangUpAfterAck);
    }
  }

  void onBye(ServerTransaction tx, Request bye) {
    try {
      messages.send(tx, messages.response(bye, Response.OK, null));
    } catch (Exception e) {
      log.warn("call {}: could not answer BYE: {}", callId, e.toString());
    }
    end(EndReason.REMOTE_HANGUP);
  }

  void onCancel(ServerTransaction cancelTx, Request cancel) {
    try {
      messages.send(cancelTx, messages.response(cancel, Response.OK, null));
    } catch (Exception e) {
      log.warn("call {}: could not answer CANCEL: {}", callId, e.toString());
    }
    if (state == State.RINGING) {
      try {
        messages.send(
            inviteTx,
            messages.response(inviteTx.getRequest(), Response.REQUEST_TERMINATED, localTag));
      } catch (Exception e) {
        log.warn("call {}: could not send 487: {}", callId, e.toString());
      }
      end(EndReason.CANCELLED);
    }
  }

  /** The answer to our late offer, from the ACK (RFC 3261 §13.2.1); false if unusable. */
  private boolean acceptLateAnswer(String body) {
    if (body == null) {
      return false;
    }
    try {
      negotiated = OfferAnswer.accept(currentSdp, SessionDescription.parse(body));
      media.configure(negotiated.toMediaParams());
      return true;
    } catch (SdpException e) {
      log.info("call {}: bad SDP answer in ACK: {}", callId, e.getMessage());
      return false;
    }
  }

  /** A re-INVITE: hold, resume, session refresh or a media change (RFC 3264 §8). */
  void onReInvite(ServerTransaction tx, Request reInvite) {
    try {
      String body = SipMessages.body(reInvite);
      Response ok = messages.response(reInvite, Response.OK, null);
      messages.addContact(ok, transport);
      messages.addAllow(ok);
      if (body == null) {
        // No offer: ours goes in the 200, the answer comes in the ACK (RFC 3261 §14.2).
        messages.setSdp(ok, currentSdp.toString());
        messages.send(tx, ok);
        return;
      }
      OfferAnswer.Outcome outcome =
          OfferAnswer.answer(SessionDescription.parse(body), local, origin);
      if (outcome instanceof OfferAnswer.Outcome.Rejected rejected) {
        Response r = messages.response(reInvite, rejected.sipStatus(), null);
        r.addHeader(sip.headers().createWarningHeader("tawag", 305, rejected.warning()));
        messages.send(tx, r);
        return;
      }
      OfferAnswer.Outcome.Accepted accepted = (OfferAnswer.Outcome.Accepted) outcome;
      negotiated = accepted.media();
      currentSdp = accepted.answer();
      messages.setSdp(ok, currentSdp.toString());
      messages.send(tx, ok);
      media.configure(negotiated.toMediaParams());
    } catch (SdpException e) {
      respondQuietly(tx, reInvite, Response.BAD_REQUEST, "Bad SDP: " + e.getMessage());
    } catch (Exception e) {
      log.warn("call {}: re-INVITE failed: {}", callId, e.toString());
      respondQuietly(tx, reInvite, Response.SERVER_INTERNAL_ERROR, null);
    }
  }

  /** SIP INFO with {@code application/dtmf-relay} or {@code application/dtmf}: a digit. */
  void onInfo(ServerTransaction tx, Request info) {
    respondQuietly(tx, info, Response.OK, null);
    String body = SipMessages.body(info);
    if (body == null || session == null) {
      return;
    }
    char digit = DtmfInfo.digit(body);
    if (digit != 0) {
      session.onDigit(digit);
    }
  }

  /** The stack gave up on the dialog (transport failure, early-state timeout). */
  void onDialogFailed() {
    end(EndReason.SIGNALLING_FAILURE);
  }

  /**
   * Our 200 went unacknowledged for 64*T1: RFC 3261 §13.3.1.4 says the dialog is confirmed anyway
   * and the session SHOULD be ended with BYE (the stack leaves that to us).
   */
  void onAckTimeout() {
    if (state == State.ENDED) {
      return;
    }
    log.info("call {}: our 200 OK was never acknowledged, hanging up", callId);
    sendBye();
    end(EndReason.SIGNALLING_FAILURE);
  }

  @Override
  public void onDigit(char digit) {
    if (session != null) {
      session.onDigit(digit);
    }
  }

  @Override
  public void onMediaTimeout() {
    log.info("call {}: no RTP for the media timeout, hanging up", callId);
    hangUp(EndReason.MEDIA_TIMEOUT);
  }

  boolean ended() {
    return state == State.ENDED;
  }

  private void sendBye() {
    try {
      Request bye = dialog.createRequest(Request.BYE);
      ClientTransaction ct = sip.provider().getNewClientTransaction(bye);
      dialog.sendRequest(ct);
      sip.traffic().requestOut(Request.BYE);
    } catch (Exception e) {
      log.warn("call {}: could not send BYE: {}", callId, e.toString());
    }
  }

  private void respondQuietly(ServerTransaction tx, Request req, int code, String reason) {
    try {
      messages.send(tx, SipMessages.withReason(messages.response(req, code, null), reason));
    } catch (Exception e) {
      log.warn("call {}: could not send {}: {}", callId, code, e.toString());
    }
  }

  private void end(EndReason reason) {
    if (state == State.ENDED) {
      return;
    }
    state = State.ENDED;
    log.info("call {} on trunk {} ended: {}", callId, trunk.name(), reason);
    if (session != null) {
      session.ended(reason);
    }
    media.close();
    onEnded.accept(this);
  }
}
