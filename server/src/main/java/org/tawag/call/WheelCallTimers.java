package org.tawag.call;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Call timers on one shared Netty wheel: coarse (10 ms ticks) but cheap for thousands of calls. The
 * wheel thread only hands the task to the call's executor, never runs call logic itself.
 */
public final class WheelCallTimers implements CallTimers, AutoCloseable {
  private final HashedWheelTimer wheel =
      new HashedWheelTimer(r -> new Thread(r, "tawag-call-timers"), 10, TimeUnit.MILLISECONDS);

  @Override
  public Timer schedule(Executor executor, Duration delay, Runnable task) {
    Timeout timeout =
        wheel.newTimeout(t -> executor.execute(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    return timeout::cancel;
  }

  @Override
  public void close() {
    wheel.stop();
  }
}
