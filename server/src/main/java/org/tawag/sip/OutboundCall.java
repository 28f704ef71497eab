package org.tawag.sip;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.call.CallChannel;
import org.tawag.call.CallSession;
import org.tawag.call.EndReason;
import org.tawag.config.TrunkConfig;
import org.tawag.dialplan.Route;
import org.tawag.media.MediaLeg;
import org.tawag.sdp.Negotiated;
import org.tawag.sdp.OfferAnswer;
import org.tawag.sdp.SessionDescription;

/**
 * A call Tawag places through a trunk or to a registered phone (we are the UAC), from INVITE to
 * BYE.
 *
 * <p>Runs on the call's serial context; {@link OutboundCalls} hands it every response and request.
 */
public final class OutboundCall implements CallChannel, MediaLeg.Listener {
  private static final Logger log = LoggerFactory.getLogger(OutboundCall.class);

  /**
   * Who the call goes to.
   *
   * @param name the call's {@link #trunk()}: a trunk's name, or {@code phone:<username>}
   * @param label how logs name the far end ("trunk x", "phone alice")
   * @param number the dialled number or the phone's username
   * @param credentials what answers a 401/407, or empty to fail with AUTH_FAILED
   * @param onAnswer the dial-plan target to run once answered
   */
  record Target(
      String name,
      String label,
      String number,
      Optional<TrunkConfig.Credentials> credentials,
      Optional<Route> onAnswer) {

    static Target trunk(TrunkConfig trunk, DialRequest request) {
      return new Target(
          trunk.name(),
          "trunk " + trunk.name(),
          request.number(),
          trunk.credentials(),
          request.onAnswer());
    }
  }

  private enum State {
    /** INVITE sent, no provisional response yet: CANCEL is not allowed (RFC 3261 §9.1). */
    CALLING,
    /** A provisional response came: CANCEL is allowed. */
    PROCEEDING,
    CONFIRMED,
    ENDED
  }

  private final SipEndpoint sip;
  private final String callId;
  private final Target target;
  private final MediaLeg media;
  private final SessionDescription offer;
  private final Consumer<OutboundCall> onEnded;
  private final CompletableFuture<DialResult> result = new CompletableFuture<>();
  private final CompletableFuture<EndReason> ended = new CompletableFuture<>();

  private ClientTransaction inviteTx;
  private Dialog dialog;
  private State state = State.CALLING;
  private boolean cancelRequested;

  /** Why we gave up, reported once the far end confirms the CANCEL with 487. */
  private DialResult.Failed givenUp;

  private boolean challenged;
  private CallSession session;

  OutboundCall(
      SipEndpoint sip,
      String callId,
      Target target,
      MediaLeg media,
      SessionDescription offer,
      Consumer<OutboundCall> onEnded) {
    this.sip = sip;
    this.callId = callId;
    this.target = target;
    this.media = media;
    this.offer = offer;
    this.onEnded = onEnded;
    media.setListener(this);
  }

  /** Completes once: answered, or failed with the reason. */
  public CompletableFuture<DialResult> result() {
    return result;
  }

  /** Completes when the call is over, with why. */
  public CompletableFuture<EndReason> ended() {
    return ended;
  }

  void attach(CallSession session) {
    this.session = session;
  }

  void sent(ClientTransaction tx, Dialog dialog) {
    this.inviteTx = tx;
    this.dialog = dialog;
  }

  @Override
  public String callId() {
    return callId;
  }

  @Override
  public String trunk() {
    return target.name();
  }

  @Override
  public String dialledNumber() {
    return target.number();
  }

  @Override
  public boolean inbound() {
    return false;
  }

  @Override
  public MediaLeg media() {
    return media;
  }

  @Override
  public void ring() {}

  @Override
  public void answer() {}

  @Override
  public void reject(int code, String reason) {
    cancel();
  }

  /** Gives up before answer: CANCEL now, or on the first provisional response. */
  public void cancel() {
    giveUp(DialResult.Cause.CANCELLED, "Cancelled");
  }

  /** Gives up before answer; the result says {@code cause} once the far end confirms. */
  void giveUp(DialResult.Cause cause, String reason) {
    media.executor().execute(() -> giveUpOnLoop(cause, reason));
  }

  private void giveUpOnLoop(DialResult.Cause cause, String reason) {
    if (state == State.CALLING || state == State.PROCEEDING) {
      if (givenUp == null) {
        givenUp = new DialResult.Failed(cause, 0, reason);
      }
      cancelOnLoop();
    }
  }

  private void cancelOnLoop() {
    switch (state) {
      case CALLING -> cancelRequested = true; // RFC 3261 §9.1: CANCEL only after a 1xx.
      case PROCEEDING -> {
        if (!cancelRequested) {
          cancelRequested = true;
          sendCancel();
        }
      }
      default -> {}
    }
  }

  @Override
  public void hangUp(EndReason reason) {
    media.executor().execute(() -> hangUpOnLoop(reason));
  }

  private void hangUpOnLoop(EndReason reason) {
    if (state == State.CONFIRMED) {
      sendBye();
      end(reason);
    } else {
      giveUpOnLoop(DialResult.Cause.CANCELLED, "Hung up before answer");
    }
  }

  void onResponse(Response response, ClientTransaction tx) {
    int status = response.getStatusCode();
    String method = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getMethod();
    if (!Request.INVITE.equals(method)) {
      return; // Responses to our BYE and CANCEL need nothing more.
    }
    if (status < 200) {
      onProvisional(response);
    } else if (status < 300) {
      onSuccess(response);
    } else if ((status == 401 || status == 407) && state != State.ENDED && !challenged) {
      onChallenge(response, tx);
    } else {
      fail(DialResult.causeOf(status), status, response.getReasonPhrase());
    }
  }

  private void onProvisional(Response response) {
    if (response.getStatusCode() == 100 || state == State.ENDED) {
      return;
    }
    if (state == State.CALLING) {
      state = State.PROCEEDING;
      if (cancelRequested) {
        sendCancel();
        return;
      }
    }
    String body = SipMessages.body(response);
    if (body != null) {
      applyAnswer(body); // 183 with SDP: early media (ringback, announcements from the PBX).
    }
  }

  private void onSuccess(Response response) {
    if (state == State.CONFIRMED) {
      return; // A 2xx retransmission: the dialog re-sends the ACK itself.
    }
    try {
      long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
      Dialog d = dialog != null ? dialog : inviteTx.getDialog();
      d.sendAck(d.createAck(cseq));
      sip.traffic().requestOut(Request.ACK);
      dialog = d;
    } catch (Exception e) {
      log.warn("call {}: could not ACK the 200: {}", callId, e.toString());
    }
    if (state == State.ENDED || cancelRequested) {
      // RFC 3261 §13.2.2.4: a 2xx after we gave up (it crossed our CANCEL) is still ACKed,
      // then ended with BYE.
      sendBye();
      if (givenUp != null) {
        fail(givenUp.cause(), response.getStatusCode(), givenUp.reason());
      }
      return;
    }
    String body = SipMessages.body(response);
    if (body == null || !applyAnswer(body)) {
      sendBye();
      fail(DialResult.Cause.NO_COMMON_CODEC, response.getStatusCode(), "Unusable SDP answer");
      return;
    }
    state = State.CONFIRMED;
    log.info("call {} to {} answered", callId, target.label());
    result.complete(new DialResult.Answered());
    if (session != null && target.onAnswer().isPresent()) {
      session.enter(target.onAnswer().get());
    }
  }

  private boolean applyAnswer(String body) {
    try {
      Negotiated n = OfferAnswer.accept(offer, SessionDescription.parse(body));
      media.configure(n.toMediaParams());
      return true;
    } catch (Exception e) {
      log.info("call {}: unusable SDP answer: {}", callId, e.getMessage());
      return false;
    }
  }

  private void onChallenge(Response response, ClientTransaction tx) {
    challenged = true;
    Optional<TrunkConfig.Credentials> creds = target.credentials();
    if (creds.isEmpty()) {
      fail(
          DialResult.Cause.AUTH_FAILED,
          response.getStatusCode(),
          "No credentials for " + target.label());
      return;
    }
    try {
      Request retry = DigestAuthorizer.authorize(sip, tx.getRequest(), response, creds.get());
      ClientTransaction ct = sip.provider().getNewClientTransaction(retry);
      // A new transaction needs its own dialog (auto-dialog is off), as for the first INVITE.
      dialog = sip.provider().getNewDialog(ct);
      inviteTx = ct;
      SipMessages.sendRequest(sip, ct);
    } catch (Exception e) {
      log.warn("call {}: answering the digest challenge failed: {}", callId, e.toString());
      fail(DialResult.Cause.AUTH_FAILED, response.getStatusCode(), "Challenge not answered");
    }
  }

  void onTimeout() {
    if (state == State.CALLING || state == State.PROCEEDING) {
      fail(DialResult.Cause.UNREACHABLE, 0, "No response from " + target.label());
    }
  }

  void onBye(ServerTransaction st, Request bye) {
    try {
      SipMessages.sendResponse(sip, st, sip.messages().createResponse(Response.OK, bye));
    } catch (Exception e) {
      log.warn("call {}: could not answer BYE: {}", callId, e.toString());
    }
    end(EndReason.REMOTE_HANGUP);
  }

  void onDialogFailed() {
    if (state == State.CONFIRMED) {
      end(EndReason.SIGNALLING_FAILURE);
    }
  }

  @Override
  public void onDigit(char digit) {
    if (session != null) {
      session.onDigit(digit);
    }
  }

  @Override
  public void onMediaTimeout() {
    hangUpOnLoop(EndReason.MEDIA_TIMEOUT);
  }

  private void sendCancel() {
    try {
      Request cancel = inviteTx.createCancel();
      SipMessages.sendRequest(sip, sip.provider().getNewClientTransaction(cancel));
    } catch (Exception e) {
      log.warn("call {}: could not send CANCEL: {}", callId, e.toString());
    }
  }

  private void sendBye() {
    try {
      Request bye = dialog.createRequest(Request.BYE);
      dialog.sendRequest(sip.provider().getNewClientTransaction(bye));
      sip.traffic().requestOut(Request.BYE);
    } catch (Exception e) {
      log.warn("call {}: could not send BYE: {}", callId, e.toString());
    }
  }

  void fail(DialResult.Cause cause, int status, String reason) {
    if (state == State.ENDED) {
      return;
    }
    if (givenUp != null && status == Response.REQUEST_TERMINATED) {
      cause = givenUp.cause();
      reason = givenUp.reason();
    }
    log.info("call {} to {} failed: {} {} {}", callId, target.label(), cause, status, reason);
    result.complete(new DialResult.Failed(cause, status, reason));
    end(EndReason.REJECTED);
  }

  private void end(EndReason reason) {
    if (state == State.ENDED) {
      return;
    }
    state = State.ENDED;
    if (session != null) {
      session.ended(reason);
    }
    media.close();
    result.complete(new DialResult.Failed(DialResult.Cause.FAILED, 0, "ended before answer"));
    ended.complete(reason);
    onEnded.accept(this);
  }
}
