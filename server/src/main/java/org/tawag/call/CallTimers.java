package org.tawag.call;

import java.time.Duration;
import java.util.concurrent.Executor;

/** Schedules call timeouts (IVR digit wait, ring limit) that run on the call's serial context. */
public interface CallTimers {

  /** A scheduled task that can still be cancelled. */
  interface Timer {
    /** Cancels the task if it has not run; harmless afterwards. */
    void cancel();
  }

  /** Runs {@code task} on {@code executor} after {@code delay}. */
  Timer schedule(Executor executor, Duration delay, Runnable task);
}
