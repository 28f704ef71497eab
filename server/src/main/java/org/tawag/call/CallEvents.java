package org.tawag.call;

import org.tawag.dialplan.Route;

/**
 * What happens to calls, for records, metrics and tests. Methods run on the call's serial context
 * and must be fast, non-blocking and never throw.
 */
public interface CallEvents {
  CallEvents NONE = new CallEvents() {};

  /** The call reached the dial plan; called once, before its first target. */
  default void callStarted(CallChannel channel) {}

  /** The call entered a dial-plan target. */
  default void routeEntered(String callId, Route route) {}

  /** A digit arrived while the call was in an IVR. */
  default void digitReceived(String callId, char digit) {}

  /** The call ended. */
  default void callEnded(String callId, EndReason reason) {}
}
