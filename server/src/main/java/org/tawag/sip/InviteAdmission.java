package org.tawag.sip;

import gov.nist.javax.sip.RequestEventExt;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.header.RequireHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.config.TrunkConfig;
import org.tawag.dialplan.Route;
import org.tawag.sdp.LocalMedia;
import org.tawag.sdp.OfferAnswer;
import org.tawag.sdp.SdpException;
import org.tawag.sdp.SdpOrigin;
import org.tawag.sdp.SessionDescription;

/**
 * Decides whether an initial INVITE becomes a call, in RFC 3261 order: 100 Trying; the trunk by
 * source network (403); the trunk's DIDs and the dial plan (404, or a reject target's code); the
 * SDP offer (400, and 488 when no codec is common); the call limit (503 with Retry-After); then the
 * dialog. Runs on the SIP listener thread: only checks and responses, no waiting.
 */
final class InviteAdmission {
  private static final Logger log = LoggerFactory.getLogger(InviteAdmission.class);

  /** The RTP port written into the trial answer that checks for a common codec before binding. */
  private static final int TRIAL_PORT = 9;

  /**
   * An INVITE that passed every check and holds a call slot.
   *
   * @param offer the caller's SDP offer, or null for a late offer
   */
  record Admitted(
      ServerTransaction invite,
      Dialog dialog,
      String tag,
      TrunkConfig trunk,
      String dialled,
      Route route,
      SessionDescription offer) {}

  private final InboundCalls.Deps deps;
  private final Replies replies;

  InviteAdmission(InboundCalls.Deps deps, Replies replies) {
    this.deps = deps;
    this.replies = replies;
  }

  /**
   * The admitted call, or empty when the INVITE was answered with an error (or was a
   * retransmission).
   */
  Optional<Admitted> admit(RequestEvent ev) {
    Request req = ev.getRequest();
    String callId = Replies.callIdOf(req);
    ServerTransaction st = ev.getServerTransaction();
    if (st == null) {
      try {
        st = deps.sip().provider().getNewServerTransaction(req);
      } catch (TransactionAlreadyExistsException e) {
        return Optional
            .empty(); // A retransmission that raced the first copy: the stack answers it.
      } catch (Exception e) {
        log.warn("call {}: cannot create a server transaction: {}", callId, e.toString());
        return Optional.empty();
      }
    }
    String tag = SipMessages.newTag();
    replies.send(st, req, Response.TRYING, null, null);

    Optional<TrunkConfig> trunk = trunkOf(ev);
    if (trunk.isEmpty()) {
      log.warn(
          "call {}: INVITE from {} which no trunk allows: 403",
          callId,
          ((RequestEventExt) ev).getRemoteIpAddress());
      replies.send(st, req, Response.FORBIDDEN, tag, "Source Not Allowed");
      return Optional.empty();
    }
    List<String> unsupported = unsupportedExtensions(req);
    if (!unsupported.isEmpty()) {
      // RFC 3261 §8.2.2.3: 420 listing in Unsupported what the caller required (100rel...).
      replies.badExtension(st, req, tag, unsupported);
      return Optional.empty();
    }
    String dialled = SipMessages.dialledNumber(req);
    if (!trunk.get().dids().isEmpty() && !trunk.get().dids().contains(dialled)) {
      replies.send(st, req, Response.NOT_FOUND, tag, "Number Not Served On This Trunk");
      return Optional.empty();
    }
    Optional<Route> route = deps.dialPlan().resolve(dialled);
    if (route.isEmpty()) {
      replies.send(st, req, Response.NOT_FOUND, tag, null);
      return Optional.empty();
    }
    if (route.get() instanceof Route.Reject r) {
      replies.send(st, req, r.code(), tag, r.reason());
      return Optional.empty();
    }
    String body = SipMessages.body(req);
    SessionDescription offer = null;
    if (body != null) {
      try {
        offer = SessionDescription.parse(body);
      } catch (SdpException e) {
        replies.send(st, req, Response.BAD_REQUEST, tag, "Bad SDP");
        log.info("call {}: bad SDP offer: {}", callId, e.getMessage());
        return Optional.empty();
      }
      LocalMedia trial =
          new LocalMedia(
              deps.media().advertisedAddress(),
              TRIAL_PORT,
              deps.codecs(),
              InboundCalls.TELEPHONE_EVENT_PT);
      OfferAnswer.Outcome trialOutcome =
          OfferAnswer.answer(offer, trial, new SdpOrigin(1, deps.media().advertisedAddress()));
      if (trialOutcome instanceof OfferAnswer.Outcome.Rejected rejected) {
        replies.noCommonCodec(st, req, tag, rejected);
        return Optional.empty();
      }
    }
    if (!deps.limit().tryAcquire()) {
      replies.overloaded(st, req, tag);
      return Optional.empty();
    }
    Dialog dialog;
    try {
      dialog = deps.sip().provider().getNewDialog(st);
    } catch (Exception e) {
      deps.limit().release();
      log.warn("call {}: cannot create the dialog: {}", callId, e.toString());
      replies.send(st, req, Response.SERVER_INTERNAL_ERROR, tag, null);
      return Optional.empty();
    }
    return Optional.of(new Admitted(st, dialog, tag, trunk.get(), dialled, route.get(), offer));
  }

  /** The option tags of Require headers: we support none (no 100rel, no session timers yet). */
  private static List<String> unsupportedExtensions(Request req) {
    List<String> tags = new ArrayList<>();
    ListIterator<?> require = req.getHeaders(RequireHeader.NAME);
    while (require != null && require.hasNext()) {
      tags.add(((RequireHeader) require.next()).getOptionTag());
    }
    return tags;
  }

  private Optional<TrunkConfig> trunkOf(RequestEvent ev) {
    try {
      InetAddress source = InetAddress.getByName(((RequestEventExt) ev).getRemoteIpAddress());
      return deps.trunks().bySource(source);
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
