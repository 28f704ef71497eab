package org.tawag.sip;

import java.time.Duration;
import java.util.List;
import javax.sip.ServerTransaction;
import javax.sip.header.CallIdHeader;
import javax.sip.header.RetryAfterHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.sdp.OfferAnswer;

/**
 * Sends the error and status responses of call handling; a response the stack refuses is logged,
 * never thrown, since the caller has nothing better to do with it.
 */
final class Replies {
  private static final Logger log = LoggerFactory.getLogger(Replies.class);

  private final SipEndpoint sip;
  private final SipMessages messages;
  private final Duration retryAfter;

  Replies(SipEndpoint sip, Duration retryAfter) {
    this.sip = sip;
    this.messages = new SipMessages(sip);
    this.retryAfter = retryAfter;
  }

  /** Sends {@code code} with our To tag (null for none) and an optional reason phrase. */
  void send(ServerTransaction st, Request req, int code, String tag, String reason) {
    try {
      messages.send(st, SipMessages.withReason(messages.response(req, code, tag), reason));
    } catch (Exception e) {
      log.warn("call {}: could not send {}: {}", callIdOf(req), code, e.toString());
    }
  }

  /** 503 with Retry-After (RFC 3261 §21.5.4): over the call limit or out of RTP ports. */
  void overloaded(ServerTransaction st, Request req, String tag) {
    try {
      Response r = messages.response(req, Response.SERVICE_UNAVAILABLE, tag);
      RetryAfterHeader retry = sip.headers().createRetryAfterHeader((int) retryAfter.toSeconds());
      r.addHeader(retry);
      messages.send(st, r);
    } catch (Exception e) {
      log.warn("call {}: could not send 503: {}", callIdOf(req), e.toString());
    }
  }

  /** 488 with Warning: 305 "Incompatible media format" (RFC 3261 §20.43) saying why. */
  void noCommonCodec(
      ServerTransaction st, Request req, String tag, OfferAnswer.Outcome.Rejected rejected) {
    try {
      Response r = messages.response(req, rejected.sipStatus(), tag);
      r.addHeader(sip.headers().createWarningHeader("tawag", 305, rejected.warning()));
      messages.send(st, r);
    } catch (Exception e) {
      log.warn("call {}: could not send {}: {}", callIdOf(req), rejected.sipStatus(), e.toString());
    }
  }

  /** 420 Bad Extension with the option tags we do not support (RFC 3261 §20.40). */
  void badExtension(ServerTransaction st, Request req, String tag, List<String> optionTags) {
    try {
      Response r = messages.response(req, Response.BAD_EXTENSION, tag);
      for (String option : optionTags) {
        r.addHeader(sip.headers().createUnsupportedHeader(option));
      }
      messages.send(st, r);
    } catch (Exception e) {
      log.warn("call {}: could not send 420: {}", callIdOf(req), e.toString());
    }
  }

  static String callIdOf(Request req) {
    return ((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId();
  }
}
