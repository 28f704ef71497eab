package org.tawag.queue;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.acd.Timers;

/**
 * The one thread the ACD runs on, and its timers on the same thread, so the engine needs no locks.
 * A task that throws is logged and the thread goes on: one bad event must not stop distribution.
 */
final class AcdThread implements Executor, Timers, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AcdThread.class);

  private final ScheduledThreadPoolExecutor executor;

  AcdThread() {
    executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "acd");
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
  }

  @Override
  public void execute(Runnable task) {
    if (executor.isShutdown()) {
      return;
    }
    executor.execute(guarded(task));
  }

  @Override
  public Timer schedule(Duration delay, Runnable task) {
    if (executor.isShutdown()) {
      return () -> {};
    }
    ScheduledFuture<?> f = executor.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    return () -> f.cancel(false);
  }

  /** Whether the caller runs on the ACD thread (for assertions). */
  boolean inThread() {
    return Thread.currentThread().getName().equals("acd");
  }

  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException | AssertionError e) {
        log.error("ACD task failed; distribution goes on", e);
      }
    };
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
