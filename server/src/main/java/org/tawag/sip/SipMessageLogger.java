package org.tawag.sip;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.util.Properties;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one line per SIP message at TRACE: direction, method or status, Call-ID and peer.
 *
 * <p>Never the message itself: From, To, P-Asserted-Identity and SDP carry customers' numbers,
 * which must not reach logs.
 */
public final class SipMessageLogger implements ServerLogger {
  private static final Logger log = LoggerFactory.getLogger("org.tawag.sip.messages");

  /** Instantiated by JAIN-SIP through the {@code gov.nist.javax.sip.SERVER_LOGGER} property. */
  public SipMessageLogger() {}

  @Override
  public void logMessage(SIPMessage m, String from, String to, boolean sender, long time) {
    logMessage(m, from, to, null, sender);
  }

  @Override
  public void logMessage(
      SIPMessage m, String from, String to, String status, boolean sender, long time) {
    logMessage(m, from, to, status, sender);
  }

  @Override
  public void logMessage(SIPMessage m, String from, String to, String status, boolean sender) {
    if (!log.isTraceEnabled()) {
      return;
    }
    String what;
    if (m instanceof SIPRequest req) {
      what = req.getMethod();
    } else if (m instanceof SIPResponse resp) {
      what = resp.getStatusCode() + " " + resp.getCSeq().getMethod();
    } else {
      what = "?";
    }
    log.trace(
        "{} {} call-id={} {} {}",
        sender ? "sent" : "received",
        what,
        m.getCallId() == null ? "-" : m.getCallId().getCallId(),
        sender ? "to" : "from",
        sender ? to : from);
  }

  @Override
  public void logException(Exception e) {
    log.warn("JAIN-SIP message exception", e);
  }

  @Override
  public void closeLogFile() {}

  @Override
  public void setStackProperties(Properties properties) {}

  @Override
  public void setSipStack(SipStack stack) {}
}
