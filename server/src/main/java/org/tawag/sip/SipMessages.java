package org.tawag.sip;

import java.text.ParseException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AllowHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** Builds the responses Tawag sends, and reads the few request fields it needs. */
final class SipMessages {
  /** The methods Tawag implements (RFC 3261 §20.5). */
  static final List<String> ALLOWED = List.of("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "INFO");

  /** Methods Tawag knows but does not do: 405 with Allow rather than 501 (RFC 3261 §21.4.6). */
  static final List<String> KNOWN_NOT_ALLOWED =
      List.of("REGISTER", "SUBSCRIBE", "NOTIFY", "REFER", "MESSAGE", "PUBLISH", "UPDATE", "PRACK");

  private final SipEndpoint sip;

  SipMessages(SipEndpoint sip) {
    this.sip = sip;
  }

  /** A fresh tag for our side of a dialog (RFC 3261 §19.3: at least 32 bits of randomness). */
  static String newTag() {
    return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  }

  /** The transport a request came over, lower case ("udp", "tcp"). */
  static String transportOf(Request request) {
    ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
    return via == null ? "udp" : via.getTransport().toLowerCase(java.util.Locale.ROOT);
  }

  /** The dialled number: the Request-URI's user part, or the To user when it has none. */
  static String dialledNumber(Request request) {
    URI uri = request.getRequestURI();
    if (uri instanceof SipURI sipUri && sipUri.getUser() != null) {
      return sipUri.getUser();
    }
    URI to = ((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI();
    if (to instanceof SipURI sipTo && sipTo.getUser() != null) {
      return sipTo.getUser();
    }
    return "";
  }

  /**
   * The caller's number: the From URI's user part (a tel: URI's number), or empty. Trimmed to 64
   * characters, since it comes from the network and ends up in records.
   */
  static String fromUser(Request request) {
    FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
    if (from == null) {
      return "";
    }
    URI uri = from.getAddress().getURI();
    String user = "";
    if (uri instanceof SipURI sip && sip.getUser() != null) {
      user = sip.getUser();
    } else if (uri instanceof javax.sip.address.TelURL tel) {
      user = (tel.isGlobal() ? "+" : "") + tel.getPhoneNumber();
    }
    return user.length() > 64 ? user.substring(0, 64) : user;
  }

  /** A response to {@code request}, with our To tag when the request has none. */
  Response response(Request request, int code, String toTag) throws ParseException {
    Response r = sip.messages().createResponse(code, request);
    ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
    if (to.getTag() == null && code > 100 && toTag != null) {
      to.setTag(toTag);
    }
    return r;
  }

  /** Adds Allow with every method we implement. */
  void addAllow(Response r) throws ParseException {
    AllowHeader allow = sip.headers().createAllowHeader(String.join(", ", ALLOWED));
    r.addHeader(allow);
  }

  /** Adds a Contact with our advertised address for the request's transport. */
  void addContact(Response r, String transport) {
    r.addHeader(sip.contact(transport));
  }

  /** Sets an SDP body. */
  void setSdp(javax.sip.message.Message m, String sdp) throws ParseException {
    ContentTypeHeader type = sip.headers().createContentTypeHeader("application", "sdp");
    m.setContent(sdp, type);
  }

  /**
   * Sends a response on {@code tx}, counts it, and logs instead of throwing if the stack refuses.
   */
  void send(ServerTransaction tx, Response response) {
    try {
      sendResponse(sip, tx, response);
    } catch (Exception e) {
      org.slf4j.LoggerFactory.getLogger(SipMessages.class)
          .warn(
              "could not send {} for call {}: {}",
              response.getStatusCode(),
              tx.getRequest().getHeader("Call-ID"),
              e.toString());
    }
  }

  /** Sends {@code response} on {@code tx} and reports it to {@code sip}'s traffic listener. */
  static void sendResponse(SipEndpoint sip, ServerTransaction tx, Response response)
      throws javax.sip.SipException, javax.sip.InvalidArgumentException {
    tx.sendResponse(response);
    sip.traffic().responseOut(methodOf(response), response.getStatusCode());
  }

  /** Sends {@code tx}'s request and reports it to {@code sip}'s traffic listener. */
  static void sendRequest(SipEndpoint sip, javax.sip.ClientTransaction tx)
      throws javax.sip.SipException {
    tx.sendRequest();
    sip.traffic().requestOut(tx.getRequest().getMethod());
  }

  /** The method a response answers (its CSeq method). */
  static String methodOf(Response response) {
    javax.sip.header.CSeqHeader cseq =
        (javax.sip.header.CSeqHeader) response.getHeader(javax.sip.header.CSeqHeader.NAME);
    return cseq == null ? "" : cseq.getMethod();
  }

  /** The body of {@code m} as text, or null when it has none. */
  static String body(javax.sip.message.Message m) {
    byte[] raw = m.getRawContent();
    return raw == null || raw.length == 0
        ? null
        : new String(raw, java.nio.charset.StandardCharsets.UTF_8);
  }

  static Response withReason(Response r, String reason) {
    if (reason != null && !reason.isBlank()) {
      try {
        r.setReasonPhrase(reason);
      } catch (ParseException e) {
        // Keep the standard phrase when the configured one is not a valid reason phrase.
      }
    }
    return r;
  }
}
