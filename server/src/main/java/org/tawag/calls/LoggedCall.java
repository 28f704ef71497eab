package org.tawag.calls;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A call record with the queue events that go with it: the unit written, spooled and replayed. */
public record LoggedCall(CallRecord record, List<QueueEvent> events) {
  /** Checks that every event belongs to the record and that no {@code seq} repeats. */
  public LoggedCall {
    if (record == null) {
      throw new IllegalArgumentException("record must not be null");
    }
    if (events == null) {
      throw new IllegalArgumentException("events must not be null (use an empty list)");
    }
    events = List.copyOf(events);
    Set<Integer> seqs = new HashSet<>();
    for (QueueEvent e : events) {
      if (!e.callId().equals(record.id())) {
        throw new IllegalArgumentException(
            "event callId " + e.callId() + " does not match record id " + record.id());
      }
      if (!seqs.add(e.seq())) {
        throw new IllegalArgumentException(
            "event seq " + e.seq() + " repeats for call " + record.id());
      }
    }
  }
}
