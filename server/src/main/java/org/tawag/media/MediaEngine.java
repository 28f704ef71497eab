package org.tawag.media;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Owns the media event loops and the RTP port range, and opens call legs on them. */
public interface MediaEngine extends AutoCloseable {

  /**
   * The serial context for a call: the same event loop for the same Call-ID, so SIP events and
   * media events of one call never race.
   */
  Executor executorFor(String callId);

  /**
   * Binds an RTP/RTCP port pair for a leg of {@code callId} on that call's event loop.
   *
   * @return the leg, or a future failed with {@link MediaPortsExhaustedException} when the range
   *     has no free pair
   */
  CompletableFuture<MediaLeg> openLeg(String callId);

  /** The IP address written into SDP {@code c=} lines. */
  String advertisedAddress();

  /** Legs open now. */
  int openLegs();

  /** RTP totals over every leg this engine opened, for metrics. */
  MediaCounters counters();

  @Override
  void close();
}
