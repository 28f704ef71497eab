package org.tawag.sip;

import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.SipListenerExt;
import java.util.Optional;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.sip.registrar.Registrar;

/**
 * The one JAIN-SIP listener: sorts each event by method and dialog and hands calls' events to their
 * serial context. Runs on the stack's threads, so it answers stateless requests at once and never
 * blocks.
 */
final class SipDispatcher implements SipListenerExt {
  private static final Logger log = LoggerFactory.getLogger(SipDispatcher.class);

  private SipEndpoint sip;
  private SipMessages messages;
  private InboundCalls inbound;
  private OutboundCalls outbound;
  private TrunkRegistrations registrations;
  private TrunkProbes probes;
  private Optional<Registrar> registrar = Optional.empty();
  private volatile boolean draining;

  /** Connects the dispatcher once the endpoint exists (the stack needs the listener first). */
  void bind(
      SipEndpoint sip,
      InboundCalls inbound,
      OutboundCalls outbound,
      TrunkRegistrations registrations,
      TrunkProbes probes,
      Optional<Registrar> registrar) {
    this.registrations = registrations;
    this.probes = probes;
    this.registrar = registrar;
    this.sip = sip;
    this.messages = new SipMessages(sip);
    this.inbound = inbound;
    this.outbound = outbound;
  }

  /** While draining, OPTIONS gets 503 so dispatchers (Kamailio) stop sending new calls. */
  void drain() {
    draining = true;
  }

  @Override
  public void processRequest(RequestEvent ev) {
    Request req = ev.getRequest();
    String method = req.getMethod();
    try {
      sip.traffic().requestIn(method);
      boolean inDialog = ((ToHeader) req.getHeader(ToHeader.NAME)).getTag() != null;
      switch (method) {
        case Request.INVITE -> {
          if (inDialog) {
            inbound.onReInvite(ev);
          } else {
            inbound.onInitialInvite(ev);
          }
        }
        case Request.ACK -> inbound.onAck(ev);
        case Request.BYE -> {
          if (!outbound.onBye(ev)) {
            inbound.onBye(ev);
          }
        }
        case Request.CANCEL -> inbound.onCancel(ev);
        case Request.INFO -> inbound.onInfo(ev);
        case Request.OPTIONS -> options(ev);
        case Request.REGISTER -> {
          // Phones register with us; trunks' sources (and every source without phones) get 405.
          if (registrar.isEmpty() || !registrar.get().onRegister(ev)) {
            statelessReply(ev, Response.METHOD_NOT_ALLOWED, true);
          }
        }
        default -> {
          if (SipMessages.KNOWN_NOT_ALLOWED.contains(method)) {
            statelessReply(ev, Response.METHOD_NOT_ALLOWED, true);
          } else {
            statelessReply(ev, Response.NOT_IMPLEMENTED, true);
          }
        }
      }
    } catch (RuntimeException e) {
      // One bad request must never take the listener down with it.
      log.warn("{} for call {} failed: {}", method, callIdOrDash(req), e.toString(), e);
      if (!Request.ACK.equals(method)) {
        statelessReply(ev, Response.SERVER_INTERNAL_ERROR, false);
      }
    }
  }

  private void options(RequestEvent ev) {
    try {
      ServerTransaction st = transaction(ev);
      if (st == null) {
        return;
      }
      int code = draining ? Response.SERVICE_UNAVAILABLE : Response.OK;
      Response r = messages.response(ev.getRequest(), code, SipMessages.newTag());
      messages.addAllow(r);
      r.addHeader(sip.headers().createAcceptHeader("application", "sdp"));
      messages.addContact(r, SipMessages.transportOf(ev.getRequest()));
      messages.send(st, r);
    } catch (Exception e) {
      log.warn("OPTIONS failed: {}", e.toString());
    }
  }

  private void statelessReply(RequestEvent ev, int code, boolean allow) {
    try {
      Response r = messages.response(ev.getRequest(), code, SipMessages.newTag());
      if (allow) {
        messages.addAllow(r);
      }
      ServerTransaction st;
      try {
        st = transaction(ev);
      } catch (javax.sip.TransactionUnavailableException e) {
        // The stack will not build a transaction for a request it finds incomplete (a SUBSCRIBE
        // without Contact): answer it statelessly, so the peer still learns why.
        sip.provider().sendResponse(r);
        sip.traffic().responseOut(ev.getRequest().getMethod(), code);
        return;
      }
      if (st != null) {
        messages.send(st, r);
      }
    } catch (Exception e) {
      log.warn("could not answer {} with {}: {}", ev.getRequest().getMethod(), code, e.toString());
    }
  }

  private ServerTransaction transaction(RequestEvent ev) throws Exception {
    if (ev.getServerTransaction() != null) {
      return ev.getServerTransaction();
    }
    try {
      return sip.provider().getNewServerTransaction(ev.getRequest());
    } catch (TransactionAlreadyExistsException e) {
      return null;
    }
  }

  @Override
  public void processResponse(ResponseEvent ev) {
    try {
      Response response = ev.getResponse();
      sip.traffic().responseIn(SipMessages.methodOf(response), response.getStatusCode());
      if (!probes.onResponse(ev) && !registrations.onResponse(ev)) {
        outbound.onResponse(ev);
      }
    } catch (RuntimeException e) {
      log.warn(
          "handling a {} response failed: {}", ev.getResponse().getStatusCode(), e.toString(), e);
    }
  }

  @Override
  public void processTimeout(TimeoutEvent ev) {
    if (!ev.isServerTransaction() && !probes.onTimeout(ev) && !registrations.onTimeout(ev)) {
      outbound.onTimeout(ev);
    }
  }

  @Override
  public void processIOException(IOExceptionEvent ev) {
    log.info(
        "SIP transport error towards {}:{} ({})", ev.getHost(), ev.getPort(), ev.getTransport());
  }

  @Override
  public void processTransactionTerminated(TransactionTerminatedEvent ev) {}

  @Override
  public void processDialogTerminated(DialogTerminatedEvent ev) {
    String callId = ev.getDialog().getCallId().getCallId();
    inbound.onDialogFailed(callId);
    outbound.onDialogFailed(callId);
  }

  @Override
  public void processDialogTimeout(DialogTimeoutEvent ev) {
    Dialog dialog = ev.getDialog();
    String callId = dialog.getCallId().getCallId();
    log.info("call {}: dialog timed out ({})", callId, ev.getReason());
    boolean ours =
        ev.getReason() == DialogTimeoutEvent.Reason.AckNotReceived
            ? inbound.onAckTimeout(callId)
            : inbound.onDialogFailed(callId) | outbound.onDialogFailed(callId);
    if (!ours) {
      // On these timeouts the stack leaves the dialog to the application (it deletes it on
      // every other error): a dialog no call owns any more must not stay in its table.
      dialog.delete();
    }
  }

  private static String callIdOrDash(Request req) {
    try {
      return InboundCalls.callIdOf(req);
    } catch (RuntimeException e) {
      return "-";
    }
  }
}
