package org.tawag.db;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few threads ({@code tawag-jdbc-N}) where all JDBC runs, so SIP, media and ACD threads never
 * wait for the database. At most {@code maxPending} tasks wait or run at once; beyond that a
 * submission is refused at once (a failed future or {@link RejectedExecutionException}), never
 * queued without bound and never blocking the caller.
 */
public final class JdbcWorkers implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JdbcWorkers.class);

  /** A piece of blocking JDBC work. */
  @FunctionalInterface
  public interface JdbcTask<T> {
    /** Does the work on a worker thread. */
    T run() throws Exception;
  }

  private final ScheduledThreadPoolExecutor executor;
  private final int maxPending;
  private final AtomicInteger pending = new AtomicInteger();

  /** Starts {@code threads} workers that accept up to {@code maxPending} waiting tasks. */
  public JdbcWorkers(int threads, int maxPending) {
    if (threads < 1 || threads > 32) {
      throw new IllegalArgumentException("threads must be 1..32 but was " + threads);
    }
    if (maxPending < 1) {
      throw new IllegalArgumentException("maxPending must be positive but was " + maxPending);
    }
    this.maxPending = maxPending;
    AtomicInteger n = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t = new Thread(r, "tawag-jdbc-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.executor = new ScheduledThreadPoolExecutor(threads, factory);
    executor.setRemoveOnCancelPolicy(true);
  }

  /** Two workers and 1024 pending tasks, enough for the store on a small machine. */
  public static JdbcWorkers start() {
    return new JdbcWorkers(2, 1024);
  }

  /** Runs {@code task} on a worker; the future fails with the task's exception or a refusal. */
  public <T> CompletableFuture<T> submit(JdbcTask<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      execute(
          () -> {
            try {
              result.complete(task.run());
            } catch (Throwable e) {
              result.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(e);
    }
    return result;
  }

  /**
   * Runs {@code task} on a worker.
   *
   * @throws RejectedExecutionException when {@code maxPending} tasks are already waiting or the
   *     workers are closed
   */
  public void execute(Runnable task) {
    reserve();
    try {
      executor.execute(guarded(task));
    } catch (RejectedExecutionException e) {
      pending.decrementAndGet();
      throw e;
    }
  }

  /**
   * Runs {@code task} on a worker after {@code delay}; cancelling the returned future frees its
   * slot.
   *
   * @throws RejectedExecutionException when too many tasks wait or the workers are closed
   */
  public ScheduledFuture<?> schedule(Runnable task, Duration delay) {
    reserve();
    try {
      ScheduledFuture<?> f =
          executor.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
      return new SlotReleasingFuture(f);
    } catch (RejectedExecutionException e) {
      pending.decrementAndGet();
      throw e;
    }
  }

  /** Tasks waiting or running now. */
  public int pending() {
    return pending.get();
  }

  private void reserve() {
    if (pending.incrementAndGet() > maxPending) {
      pending.decrementAndGet();
      throw new RejectedExecutionException(
          "JDBC workers busy: " + maxPending + " tasks already pending");
    }
  }

  private Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.error("JDBC task failed", e);
      } finally {
        pending.decrementAndGet();
      }
    };
  }

  /** Stops taking work and waits up to 10 s for running tasks. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("JDBC workers still busy after 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A scheduled task whose successful cancel gives its pending slot back. */
  private final class SlotReleasingFuture implements ScheduledFuture<Object> {
    private final ScheduledFuture<?> delegate;

    SlotReleasingFuture(ScheduledFuture<?> delegate) {
      this.delegate = delegate;
    }

    @Override
    public boolean cancel(boolean mayInterrupt) {
      boolean cancelled = delegate.cancel(mayInterrupt);
      if (cancelled) {
        pending.decrementAndGet();
      }
      return cancelled;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return delegate.getDelay(unit);
    }

    @Override
    public int compareTo(java.util.concurrent.Delayed o) {
      return delegate.compareTo(o);
    }

    @Override
    public boolean isCancelled() {
      return delegate.isCancelled();
    }

    @Override
    public boolean isDone() {
      return delegate.isDone();
    }

    @Override
    public Object get() throws InterruptedException, java.util.concurrent.ExecutionException {
      return delegate.get();
    }

    @Override
    public Object get(long timeout, TimeUnit unit)
        throws InterruptedException,
            java.util.concurrent.ExecutionException,
            java.util.concurrent.TimeoutException {
      return delegate.get(timeout, unit);
    }
  }
}
