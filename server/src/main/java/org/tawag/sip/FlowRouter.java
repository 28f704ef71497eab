package org.tawag.sip;

import gov.nist.javax.sip.stack.DefaultRouter;
import gov.nist.javax.sip.stack.HopImpl;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.address.Router;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;

/**
 * The stack's router: every request of a call to a registered phone (INVITE, CANCEL, ACK, BYE) goes
 * to the address and port the phone registered from, over the transport it used, whatever its
 * Contact says (RFC 5626's flow idea: a phone behind NAT is reachable only through the flow it
 * opened). Everything else is routed as JAIN-SIP's {@link DefaultRouter} does (RFC 3261 §8.1.2).
 *
 * <p>The stack builds it by class name ({@code javax.sip.ROUTER_PATH}), hence public; only {@link
 * SipEndpoint} and {@link OutboundCalls} use it.
 */
public final class FlowRouter implements Router {
  private final DefaultRouter fallback;
  private final Map<String, Hop> flows = new ConcurrentHashMap<>();

  /** The constructor the stack calls (JAIN-SIP's router contract). */
  public FlowRouter(SipStack stack, String outboundProxy) {
    this.fallback = new DefaultRouter(stack, outboundProxy);
  }

  /** Sends every request of call {@code callId} to {@code host:port} over {@code transport}. */
  void pin(String callId, String host, int port, String transport) {
    flows.put(callId, new HopImpl(host, port, transport.toUpperCase(Locale.ROOT)));
  }

  /** Routes {@code callId} normally again. */
  void unpin(String callId) {
    flows.remove(callId);
  }

  int pinned() {
    return flows.size();
  }

  @Override
  public Hop getNextHop(Request request) throws SipException {
    CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
    Hop flow = callId == null ? null : flows.get(callId.getCallId());
    return flow != null ? flow : fallback.getNextHop(request);
  }

  @Override
  public Hop getOutboundProxy() {
    return fallback.getOutboundProxy();
  }

  @Override
  @SuppressWarnings({"rawtypes", "deprecation"})
  public ListIterator getNextHops(Request request) {
    return fallback.getNextHops(request);
  }
}
