package org.tawag.calls;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where finished (or updated) calls are recorded. Callers are SIP, media and ACD threads, so {@link
 * #record} never waits for I/O and never throws because of it: a record that cannot be kept is
 * counted in {@link #dropped()} and logged.
 */
public interface CallLog {
  /**
   * Hands over a call record and its queue events (all of them so far; events already written are
   * not written again). Returns at once.
   *
   * @throws IllegalArgumentException when an event belongs to another call or a seq repeats
   */
  void record(CallRecord record, List<QueueEvent> events);

  /**
   * Completes once every record handed over before this call is in the database or counted as
   * dropped. While the database is down it stays pending.
   */
  CompletableFuture<Void> flush();

  /** How many records were lost: queue full, unwritable record, or spool write failed. */
  long dropped();
}
