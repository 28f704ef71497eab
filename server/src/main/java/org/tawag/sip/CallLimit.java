package org.tawag.sip;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts calls in progress, both directions, against {@code sip.max-calls}. */
public final class CallLimit {
  private final int max;
  private final AtomicInteger active = new AtomicInteger();

  public CallLimit(int max) {
    if (max <= 0) {
      throw new IllegalArgumentException("max-calls must be positive: " + max);
    }
    this.max = max;
  }

  /** Takes a slot; false when all {@code max} are in use. */
  public boolean tryAcquire() {
    while (true) {
      int now = active.get();
      if (now >= max) {
        return false;
      }
      if (active.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  /** Gives back a slot taken by {@link #tryAcquire()}. */
  public void release() {
    if (active.decrementAndGet() < 0) {
      active.incrementAndGet();
      throw new IllegalStateException("call limit released more often than acquired");
    }
  }

  /** Calls in progress now. */
  public int active() {
    return active.get();
  }
}
