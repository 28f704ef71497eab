package org.tawag.acd;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;

/** The engine's mutable record of one call in the ACD. Runs on the engine's thread only. */
final class QueuedCall {
  enum Phase {
    WAITING,
    OFFERED,
    CONNECTED
  }

  /**
   * Routing order across all queues: higher caller priority first, then calls returned to the queue
   * after losing their agent, then earlier arrival, then earlier entry into the engine (a stable
   * tie-break).
   */
  static final Comparator<QueuedCall> ROUTING_ORDER =
      Comparator.comparingInt((QueuedCall c) -> -c.priority)
          .thenComparingInt(c -> c.returned ? 0 : 1)
          .thenComparing(c -> c.arrival)
          .thenComparingLong(c -> c.seq);

  final String id;
  final int priority;
  final Instant arrival;
  final long seq;
  String queue;
  Phase phase = Phase.WAITING;

  /** Agents ringing with this call (one, or several for RING_ALL). */
  final Set<String> offeredTo = new LinkedHashSet<>();

  /** The agent bridged to this call; null after that agent logged out. */
  String agent;

  /** Set when the call came back from a lost agent: it goes before calls of its priority. */
  boolean returned;

  /** Set when the call ended but the record stayed; only reachable through test hooks. */
  boolean ended;

  /**
   * The one agent this call may be offered to (a transfer to a named operator), or null for any
   * member; cleared when that agent does not answer or {@link AcdEngine#PERSONAL_WAIT} passes.
   */
  String forAgent;

  /** Bumped each time an offer round starts or ends, so a stale offer timer does nothing. */
  int offerRound;

  Timers.Timer offerTimer;
  Timers.Timer maxWaitTimer;
  Timers.Timer announceTimer;
  Timers.Timer pinTimer;

  QueuedCall(String id, String queue, int priority, Instant arrival, long seq) {
    this.id = id;
    this.queue = queue;
    this.priority = priority;
    this.arrival = arrival;
    this.seq = seq;
  }

  void cancelTimers() {
    offerTimer = cancel(offerTimer);
    maxWaitTimer = cancel(maxWaitTimer);
    announceTimer = cancel(announceTimer);
    pinTimer = cancel(pinTimer);
  }

  static Timers.Timer cancel(Timers.Timer t) {
    if (t != null) {
      t.cancel();
    }
    return null;
  }
}
