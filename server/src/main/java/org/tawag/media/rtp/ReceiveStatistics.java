package org.tawag.media.rtp;

/**
 * Reception statistics of the one RTP source a call leg plays: source validation, extended sequence
 * numbers, loss and interarrival jitter, as RFC 3550 appendix A.1, A.3 and A.8 compute them for
 * receiver reports.
 *
 * <p>A source is accepted after {@link #MIN_SEQUENTIAL} packets in sequence (A.1 probation). When
 * packets of another SSRC arrive (a PBX transfer, early media then answer), the new source goes
 * through the same probation while the current one keeps playing, and replaces it, with fresh
 * statistics, once validated.
 *
 * <p>Not thread-safe: owned by the leg's event loop. Time comes in as a parameter.
 */
public final class ReceiveStatistics {

  /** Sequence jump ahead still taken as loss rather than a restart (A.1). */
  public static final int MAX_DROPOUT = 3000;

  /** Sequence step back still taken as reordering or duplication (A.1). */
  public static final int MAX_MISORDER = 100;

  /** Packets in sequence a source needs before it is accepted (A.1). */
  public static final int MIN_SEQUENTIAL = 2;

  private static final int SEQ_MOD = 1 << 16;

  /** The accepted source, or null before the first one passes probation. */
  private Source current;

  /** A source on probation that is not {@link #current}, or null. */
  private Source candidate;

  private boolean haveTransit;
  private int lastTransit;

  /** The jitter estimate J of A.8 scaled by 16, as in the integer form of A.8. */
  private long jitterQ4;

  /** Creates statistics with no source yet. */
  public ReceiveStatistics() {}

  /**
   * Accounts for one received RTP packet.
   *
   * @param ssrc the packet's SSRC
   * @param seq the packet's sequence number, {@code 0..65535}
   * @param rtpTimestamp the packet's RTP timestamp
   * @param arrivalRtpUnits the arrival time in RTP clock units (8000 per second), from any origin
   * @return true when the packet belongs to the accepted source and should be played; false for
   *     packets of a source still on probation and for a packet after a large sequence jump (A.1
   *     keeps it until the next one confirms a restart)
   */
  public boolean update(long ssrc, int seq, long rtpTimestamp, long arrivalRtpUnits) {
    if (seq < 0 || seq > 0xFFFF) {
      throw new IllegalArgumentException("sequence must be 0..65535: " + seq);
    }
    if (current != null && current.ssrc == ssrc) {
      if (!current.update(seq)) {
        return false;
      }
    } else {
      if (candidate == null || candidate.ssrc != ssrc) {
        candidate = new Source(ssrc, seq);
      }
      if (!candidate.update(seq)) {
        return false;
      }
      current = candidate;
      candidate = null;
      resetJitter();
    }
    updateJitter(rtpTimestamp, arrivalRtpUnits);
    return true;
  }

  /** Packets of the current source accepted, duplicates included (A.3 {@code received}). */
  public long packetsReceived() {
    return current == null ? 0 : current.received;
  }

  /** Packets the current source should have delivered: extended highest minus base, plus one. */
  public long expected() {
    return current == null ? 0 : current.extendedMax() - current.baseSeq + 1;
  }

  /**
   * Packets of the current source lost (A.3): {@code expected - received}, negative when duplicates
   * outnumber losses, clamped to the 24-bit signed range of a report block.
   */
  public long cumulativeLost() {
    long lost = expected() - packetsReceived();
    return Math.max(-0x800000, Math.min(0x7FFFFF, lost));
  }

  /** The extended highest sequence number received: cycles in the upper 16 bits (A.1). */
  public long extendedHighestSequence() {
    return current == null ? 0 : current.extendedMax();
  }

  /** The interarrival jitter J of A.8 in RTP timestamp units, as a report block carries it. */
  public long jitter() {
    return jitterQ4 >> 4;
  }

  /** The interarrival jitter in milliseconds at the 8 kHz G.711 clock. */
  public double jitterMs() {
    return jitterQ4 / 16.0 / 8.0;
  }

  /**
   * The fraction of packets lost since the previous call, in 1/256 units (A.3), and starts a new
   * interval. 0 when nothing was expected or duplicates made up for the losses.
   */
  public int fractionLostAndResetInterval() {
    if (current == null) {
      return 0;
    }
    long expected = expected();
    long received = current.received;
    long expectedInterval = expected - current.expectedPrior;
    long lostInterval = expectedInterval - (received - current.receivedPrior);
    current.expectedPrior = expected;
    current.receivedPrior = received;
    if (expectedInterval <= 0 || lostInterval <= 0) {
      return 0;
    }
    return (int) Math.min(255, (lostInterval << 8) / expectedInterval);
  }

  /** The SSRC of the accepted source, or -1 before any source has passed probation. */
  public long ssrc() {
    return current == null ? -1 : current.ssrc;
  }

  private void resetJitter() {
    haveTransit = false;
    jitterQ4 = 0;
  }

  /** A.8: J += (|D(i-1,i)| - J) / 16, in the integer form with J scaled by 16. */
  private void updateJitter(long rtpTimestamp, long arrivalRtpUnits) {
    // Both clocks are taken modulo 2^32: the difference of differences is what counts.
    int transit = (int) (arrivalRtpUnits - rtpTimestamp);
    if (haveTransit) {
      long d = Math.abs((long) (transit - lastTransit));
      jitterQ4 += d - ((jitterQ4 + 8) >> 4);
    }
    lastTransit = transit;
    haveTransit = true;
  }

  /** One source's A.1 state ({@code source} struct of RFC 3550 appendix A.1). */
  private static final class Source {
    final long ssrc;
    int maxSeq;
    long cycles;
    int baseSeq;
    int badSeq;
    int probation;
    long received;
    long expectedPrior;
    long receivedPrior;

    /** A new source on probation, as A.1 sets one up on its first packet. */
    Source(long ssrc, int seq) {
      this.ssrc = ssrc;
      init(seq);
      maxSeq = (seq - 1) & 0xFFFF;
      probation = MIN_SEQUENTIAL;
    }

    long extendedMax() {
      return cycles + maxSeq;
    }

    private void init(int seq) {
      baseSeq = seq;
      maxSeq = seq;
      badSeq = SEQ_MOD + 1; // so seq == badSeq is false
      cycles = 0;
      received = 0;
      expectedPrior = 0;
      receivedPrior = 0;
    }

    /** A.1 {@code update_seq}: whether the packet is valid for this source. */
    boolean update(int seq) {
      int udelta = (seq - maxSeq) & 0xFFFF;
      if (probation > 0) {
        // The A.1 code compares seq == max_seq + 1 without the modulo; 65535 -> 0 is in sequence.
        if (seq == ((maxSeq + 1) & 0xFFFF)) {
          probation--;
          maxSeq = seq;
          if (probation == 0) {
            init(seq);
            received++;
            return true;
          }
        } else {
          probation = MIN_SEQUENTIAL - 1;
          maxSeq = seq;
        }
        return false;
      } else if (udelta < MAX_DROPOUT) {
        if (seq < maxSeq) {
          cycles += SEQ_MOD; // wrapped
        }
        maxSeq = seq;
      } else if (udelta <= SEQ_MOD - MAX_MISORDER) {
        // A very large jump: a restart is believed only when the next packet follows this one.
        if (seq == badSeq) {
          init(seq);
        } else {
          badSeq = (seq + 1) & (SEQ_MOD - 1);
          return false;
        }
      }
      // else: duplicate or reordered packet, counted but not moving maxSeq.
      received++;
      return true;
    }
  }
}
