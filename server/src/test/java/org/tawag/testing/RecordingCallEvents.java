package org.tawag.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.tawag.call.CallEvents;
import org.tawag.call.EndReason;
import org.tawag.dialplan.Route;

/** Records what happened to calls, for tests to wait on and assert. */
public final class RecordingCallEvents implements CallEvents {
  /** One recorded event: kind is "route", "digit" or "ended". */
  public record Event(String callId, String kind, String value) {}

  private final List<Event> events = new ArrayList<>();

  @Override
  public synchronized void routeEntered(String callId, Route route) {
    add(new Event(callId, "route", route.name()));
  }

  @Override
  public synchronized void digitReceived(String callId, char digit) {
    add(new Event(callId, "digit", String.valueOf(digit)));
  }

  @Override
  public synchronized void callEnded(String callId, EndReason reason) {
    add(new Event(callId, "ended", reason.name()));
  }

  private void add(Event e) {
    events.add(e);
    notifyAll();
  }

  /** Everything recorded so far, in order. */
  public synchronized List<Event> all() {
    return List.copyOf(events);
  }

  /** The values of every event of {@code kind}, in order. */
  public synchronized List<String> values(String kind) {
    return events.stream().filter(e -> e.kind().equals(kind)).map(Event::value).toList();
  }

  /** Waits until {@code count} events of {@code kind} are recorded; false on timeout. */
  public synchronized boolean await(String kind, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (values(kind).size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }
}
