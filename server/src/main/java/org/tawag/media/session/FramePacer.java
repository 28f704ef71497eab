package org.tawag.media.session;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 20 ms clock of one media event loop: a single fixed-rate task that ticks every session owned
 * by the loop.
 *
 * <p>One task per loop instead of one per leg keeps the wake-ups at 50 per second per core. Each
 * session computes its own frame budget from {@link System#nanoTime()} (tech notes §3.10), so a
 * late or skipped tick changes neither the long-run rate nor the RTP timestamps.
 *
 * <p>Runs on its loop: every method must be called there.
 */
public final class FramePacer {
  /** The frame period: 20 ms, 160 samples at 8 kHz. */
  public static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private static final Logger log = LoggerFactory.getLogger(FramePacer.class);
  private static final RtpSession[] NONE = {};

  private final EventLoop loop;
  // Copy-on-write: a tick may open or close legs through listener callbacks.
  private RtpSession[] sessions = NONE;
  private ScheduledFuture<?> task;

  public FramePacer(EventLoop loop) {
    this.loop = loop;
  }

  /** The loop this pacer ticks on. */
  public EventLoop loop() {
    return loop;
  }

  void add(RtpSession session) {
    assert loop.inEventLoop();
    RtpSession[] grown = Arrays.copyOf(sessions, sessions.length + 1);
    grown[sessions.length] = session;
    sessions = grown;
    if (task == null) {
      task = loop.scheduleAtFixedRate(this::tick, 0, FRAME_NANOS, TimeUnit.NANOSECONDS);
    }
  }

  void remove(RtpSession session) {
    assert loop.inEventLoop();
    RtpSession[] current = sessions;
    for (int i = 0; i < current.length; i++) {
      if (current[i] == session) {
        RtpSession[] shrunk = new RtpSession[current.length - 1];
        System.arraycopy(current, 0, shrunk, 0, i);
        System.arraycopy(current, i + 1, shrunk, i, current.length - i - 1);
        sessions = shrunk;
        break;
      }
    }
    if (sessions.length == 0 && task != null) {
      task.cancel(false);
      task = null;
    }
  }

  /** Sessions paced now. */
  int size() {
    return sessions.length;
  }

  private void tick() {
    long now = System.nanoTime();
    for (RtpSession session : sessions) {
      try {
        session.tick(now);
      } catch (RuntimeException e) {
        // One broken leg (a faulty source or listener) must not stop the others on this loop.
        log.warn("media tick failed for RTP port {}", session.localRtpPort(), e);
      }
    }
  }
}
