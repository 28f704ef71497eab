package org.tawag.media;

import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleConsumer;

/**
 * An engine's media totals over all legs, open and closed: RTP packets in and out, packets lost
 * (RFC 3550 A.3), frames the jitter buffer dropped as late or to bound its depth, and each leg's
 * interarrival jitter when it closes.
 *
 * <p>Legs keep plain counters on their event loop and add what is new here now and then (each RTCP
 * interval and at close), so the packet path neither locks nor allocates, and the metrics read
 * totals that lag a live leg by at most one report interval.
 */
public final class MediaCounters {
  private final LongAdder packetsIn = new LongAdder();
  private final LongAdder packetsOut = new LongAdder();
  private final LongAdder packetsLost = new LongAdder();
  private final LongAdder framesLate = new LongAdder();
  private final LongAdder framesDropped = new LongAdder();
  private volatile DoubleConsumer jitterSamples = ms -> {};

  /** Creates zero totals. */
  public MediaCounters() {}

  /** Adds a leg's counts since its previous call; every argument is zero or more. */
  public void add(long in, long out, long lost, long late, long dropped) {
    packetsIn.add(in);
    packetsOut.add(out);
    packetsLost.add(lost);
    framesLate.add(late);
    framesDropped.add(dropped);
  }

  /** Reports the interarrival jitter (RFC 3550 A.8, milliseconds) of a leg that closed. */
  public void legJitter(double jitterMs) {
    jitterSamples.accept(jitterMs);
  }

  /** Sets who hears of {@link #legJitter}; must be fast and must not throw (metrics). */
  public void onLegJitter(DoubleConsumer listener) {
    jitterSamples = Objects.requireNonNull(listener, "listener");
  }

  /** RTP packets received and accepted (audio and telephone events). */
  public long packetsIn() {
    return packetsIn.sum();
  }

  /** RTP packets sent. */
  public long packetsOut() {
    return packetsOut.sum();
  }

  /** RTP packets lost on the way in: expected minus received, per source (RFC 3550 A.3). */
  public long packetsLost() {
    return packetsLost.sum();
  }

  /** Received packets the jitter buffer dropped because they came after their playout time. */
  public long framesLate() {
    return framesLate.sum();
  }

  /** Times the jitter buffer overflowed and dropped its oldest audio to bound latency. */
  public long framesDropped() {
    return framesDropped.sum();
  }
}
