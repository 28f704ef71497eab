package org.tawag.call;

import java.util.List;
import org.tawag.dialplan.Route;

/** Several {@link CallEvents} as one, called in order. */
public final class CallEventsChain implements CallEvents {
  private final List<CallEvents> all;

  private CallEventsChain(List<CallEvents> all) {
    this.all = all;
  }

  /** All of {@code events}, in order. */
  public static CallEvents of(CallEvents... events) {
    return new CallEventsChain(List.of(events));
  }

  @Override
  public void callStarted(CallChannel channel) {
    all.forEach(e -> e.callStarted(channel));
  }

  @Override
  public void routeEntered(String callId, Route route) {
    all.forEach(e -> e.routeEntered(callId, route));
  }

  @Override
  public void digitReceived(String callId, char digit) {
    all.forEach(e -> e.digitReceived(callId, digit));
  }

  @Override
  public void callEnded(String callId, EndReason reason) {
    all.forEach(e -> e.callEnded(callId, reason));
  }
}
