package org.tawag.acd;

import java.time.Duration;

/**
 * One-shot timers for the ACD. The implementation must run each task on the same serial context as
 * every other {@link AcdEngine} call, since the engine is single-threaded.
 */
public interface Timers {
  /** Runs {@code task} once after {@code delay}, unless the returned timer is cancelled first. */
  Timer schedule(Duration delay, Runnable task);

  /** A scheduled task. */
  interface Timer {
    /** Stops the task from running; harmless when it already ran or was cancelled. */
    void cancel();
  }
}
