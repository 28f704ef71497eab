package org.tawag.sip.registrar;

import gov.nist.javax.sip.message.SIPMessage;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;

/**
 * What a REGISTER asks for (RFC 3261 §10.2), read once and checked for the errors that earn 400.
 *
 * @param user the To URI's user part: the AOR being registered
 * @param contact the first Contact URI, or empty for a query (or a wildcard removal)
 * @param wildcard {@code Contact: *}: remove every binding
 * @param contactExpires the Contact's {@code expires} parameter, or -1
 * @param headerExpires the {@code Expires} header, or -1
 * @param callId the Call-ID
 * @param cseq the CSeq number
 */
record RegisterRequest(
    String user,
    Optional<String> contact,
    boolean wildcard,
    long contactExpires,
    long headerExpires,
    String callId,
    long cseq) {

  /**
   * Reads {@code req}.
   *
   * @throws IllegalArgumentException with the reason phrase for a 400
   */
  static RegisterRequest read(Request req) {
    rejectUnparsedHeaders(req);
    URI to = ((ToHeader) req.getHeader(ToHeader.NAME)).getAddress().getURI();
    if (!(to instanceof SipURI sipTo) || sipTo.getUser() == null || sipTo.getUser().isEmpty()) {
      throw new IllegalArgumentException("To has no user");
    }
    ExpiresHeader expires = (ExpiresHeader) req.getHeader(ExpiresHeader.NAME);
    long headerExpires = expires == null ? -1 : expires.getExpires();
    boolean wildcard = false;
    String contact = null;
    long contactExpires = -1;
    int count = 0;
    for (ListIterator<?> it = req.getHeaders(ContactHeader.NAME); it.hasNext(); ) {
      ContactHeader c = (ContactHeader) it.next();
      count++;
      if (c.isWildCard()) {
        wildcard = true;
      } else if (contact == null) {
        contact = c.getAddress().getURI().toString();
        contactExpires = c.getExpires();
      }
    }
    if (wildcard && (count > 1 || headerExpires != 0)) {
      // RFC 3261 §10.3 step 6.
      throw new IllegalArgumentException("Contact * needs Expires: 0 and no other Contact");
    }
    return new RegisterRequest(
        sipTo.getUser(),
        Optional.ofNullable(contact),
        wildcard,
        contactExpires,
        headerExpires,
        ((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId(),
        ((CSeqHeader) req.getHeader(CSeqHeader.NAME)).getSeqNumber());
  }

  /**
   * JAIN-SIP keeps a header it cannot parse aside instead of failing the message; for the headers a
   * registrar acts on, that is a malformed request.
   */
  private static void rejectUnparsedHeaders(Request req) {
    if (!(req instanceof SIPMessage m)) {
      return;
    }
    for (ListIterator<String> it = m.getUnrecognizedHeaders(); it.hasNext(); ) {
      String raw = it.next().trim().toLowerCase(Locale.ROOT);
      for (String name : new String[] {"authorization", "contact", "m", "expires"}) {
        if (raw.startsWith(name) && raw.substring(name.length()).trim().startsWith(":")) {
          throw new IllegalArgumentException("malformed " + name + " header");
        }
      }
    }
  }
}
