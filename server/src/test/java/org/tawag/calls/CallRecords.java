package org.tawag.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Sample calls for store tests. */
final class CallRecords {
  static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123Z");

  private CallRecords() {}

  /** A call that waited, was answered by agent-7 and is still talking. */
  static CallRecord answered(String id) {
    return CallRecord.builder(id, CallRecord.Direction.IN, T0)
        .trunk("pbx-1")
        .caller("+15551230001")
        .dialled("+15559870000")
        .queue("sales")
        .agent("agent-7")
        .queuedAt(T0.plusMillis(500))
        .offeredAt(T0.plusSeconds(12))
        .answeredAt(T0.plusSeconds(15))
        .waited(Duration.ofMillis(14_500))
        .build();
  }

  /** The same call, ended by the caller after 90 s talk, with an order and disposition. */
  static CallRecord ended(String id) {
    return answered(id).toBuilder()
        .ended(T0.plusSeconds(105), CallRecord.Outcome.COMPLETED_BY_CALLER)
        .talked(Duration.ofSeconds(90))
        .held(Duration.ofSeconds(5))
        .wrapUp(Duration.ofSeconds(20))
        .orderId("ORD-42")
        .disposition("sale")
        .build();
  }

  /** The queue history of an answered call: entered, no answer from agent-3, answered. */
  static List<QueueEvent> answeredEvents(String id) {
    return List.of(
        new QueueEvent(id, 0, T0.plusMillis(500), QueueEvent.Kind.ENTERED, null, "sales"),
        new QueueEvent(id, 1, T0.plusSeconds(2), QueueEvent.Kind.OFFERED, "agent-3", null),
        new QueueEvent(id, 2, T0.plusSeconds(12), QueueEvent.Kind.NO_ANSWER, "agent-3", "10s"),
        new QueueEvent(id, 3, T0.plusSeconds(12), QueueEvent.Kind.OFFERED, "agent-7", null),
        new QueueEvent(id, 4, T0.plusSeconds(15), QueueEvent.Kind.ANSWERED, "agent-7", null));
  }

  /** The history after the caller hung up. */
  static List<QueueEvent> endedEvents(String id) {
    List<QueueEvent> events = new java.util.ArrayList<>(answeredEvents(id));
    events.add(
        new QueueEvent(id, 5, T0.plusSeconds(105), QueueEvent.Kind.ENDED, "agent-7", "caller"));
    return events;
  }
}
