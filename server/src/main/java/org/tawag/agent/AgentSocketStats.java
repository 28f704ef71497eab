package org.tawag.agent;

import java.util.concurrent.atomic.AtomicLong;

/** Counters shared by all agent sockets, for metrics. */
public final class AgentSocketStats {
  private final AtomicLong open = new AtomicLong();
  private final AtomicLong framesOut = new AtomicLong();
  private final AtomicLong framesIn = new AtomicLong();
  private final AtomicLong framesDropped = new AtomicLong();
  private final AtomicLong badFrames = new AtomicLong();

  void opened() {
    open.incrementAndGet();
  }

  void closed() {
    open.decrementAndGet();
  }

  void frameOut() {
    framesOut.incrementAndGet();
  }

  void frameIn() {
    framesIn.incrementAndGet();
  }

  void frameDropped() {
    framesDropped.incrementAndGet();
  }

  void badFrame() {
    badFrames.incrementAndGet();
  }

  /** Sockets open now. */
  public long open() {
    return open.get();
  }

  /** Audio frames sent to browsers. */
  public long framesOut() {
    return framesOut.get();
  }

  /** Audio frames received from browsers while on a call. */
  public long framesIn() {
    return framesIn.get();
  }

  /** Audio frames to browsers dropped because the socket could not keep up. */
  public long framesDropped() {
    return framesDropped.get();
  }

  /** Binary frames from browsers that were not valid audio frames. */
  public long badFrames() {
    return badFrames.get();
  }
}
