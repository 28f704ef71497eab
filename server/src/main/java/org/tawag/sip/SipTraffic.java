package org.tawag.sip;

import java.time.Duration;

/**
 * Hears of every SIP request and response Tawag handles and sends, and of each trunk OPTIONS round
 * trip: the hook the metrics count with. Called on SIP stack and call threads, so implementations
 * must be fast, must not block and must not throw.
 *
 * <p>{@code method} is the request's method as on the wire (a response's CSeq method); mapping it
 * to a bounded label set is the listener's job. Retransmissions the stack absorbs are not seen.
 */
public interface SipTraffic {
  /** A listener that ignores everything. */
  SipTraffic NONE = new SipTraffic() {};

  /** A request arrived and was handed to Tawag. */
  default void requestIn(String method) {}

  /** A response to one of our requests arrived. */
  default void responseIn(String method, int code) {}

  /** Tawag sent a request. */
  default void requestOut(String method) {}

  /** Tawag sent a response. */
  default void responseOut(String method, int code) {}

  /** A trunk answered an OPTIONS probe (any code) after {@code rtt}. */
  default void trunkProbeAnswered(String trunk, Duration rtt) {}
}
