package org.tawag.media.session;

import org.tawag.media.MediaCounters;
import org.tawag.media.rtp.ReceiveStatistics;

/**
 * One leg's share of the engine's {@link MediaCounters}: counts on the leg's event loop in plain
 * fields and adds only what is new to the shared totals on {@link #flush}.
 *
 * <p>Loss comes from the receive statistics, which start afresh for a new source (RFC 3550 A.1): on
 * an SSRC change the baseline restarts at zero, and a cumulative loss that shrinks (duplicates,
 * A.3) adds nothing, so the shared counter only grows.
 *
 * <p>Not thread-safe: owned by the leg's event loop.
 */
final class LegCounters {
  private final MediaCounters totals;
  private long packetsIn;
  private long flushedIn;
  private long flushedOut;
  private long flushedLate;
  private long flushedDropped;
  private long lossSsrc = -1;
  private long flushedLost;

  LegCounters(MediaCounters totals) {
    this.totals = totals;
  }

  /** Counts one accepted RTP packet. */
  void packetIn() {
    packetsIn++;
  }

  /**
   * Adds what changed since the previous flush.
   *
   * @param packetsSent the leg's RTP packets sent so far
   * @param received the leg's receive statistics
   * @param jitterBuffer the leg's jitter buffer, whose counters keep counting across resets
   */
  void flush(long packetsSent, ReceiveStatistics received, JitterBuffer jitterBuffer) {
    long lost = Math.max(0, received.cumulativeLost());
    if (received.ssrc() != lossSsrc) {
      lossSsrc = received.ssrc();
      flushedLost = 0;
    }
    long newLost = Math.max(0, lost - flushedLost);
    flushedLost += newLost;
    totals.add(
        packetsIn - flushedIn,
        packetsSent - flushedOut,
        newLost,
        jitterBuffer.lateDrops() - flushedLate,
        jitterBuffer.overflows() - flushedDropped);
    flushedIn = packetsIn;
    flushedOut = packetsSent;
    flushedLate = jitterBuffer.lateDrops();
    flushedDropped = jitterBuffer.overflows();
  }
}
