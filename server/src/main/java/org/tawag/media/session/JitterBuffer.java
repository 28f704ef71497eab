package org.tawag.media.session;

import java.util.Arrays;
import org.tawag.media.AudioCodec;

/**
 * The receive-side playout buffer of one RTP stream: places G.711 payloads by RTP timestamp and
 * plays them out as 20 ms frames of {@link AudioCodec#FRAME_SAMPLES} samples, whatever packet time
 * the peer uses (10, 20, 30, 40 ms...), in timestamp order whatever order they arrived in.
 *
 * <p>Playout starts once {@code targetDepthFrames} frames are buffered ahead of the playout point,
 * which then advances one frame per {@link #poll}. Data behind the playout point is late and
 * dropped. Data more than {@code maxDepthFrames} ahead moves the playout point forward, dropping
 * the oldest frames to bound latency, or, when nothing buffered would survive that (a timestamp
 * jump), starts over from the new data. A poll that finds no data at all for its frame is an
 * underrun; when that leaves less than the target buffered the buffer primes again (tech notes
 * §3.5).
 *
 * <p>Timestamps are handled modulo 2^32, relative to the playout point. Samples are one byte each
 * (G.711); the buffer does not know the codec, so it never invents samples: missing samples of a
 * partly received frame are left as the caller had them in the frame array.
 *
 * <p>Not thread-safe: owned by the leg's event loop. Allocates nothing after construction.
 */
public final class JitterBuffer {

  private static final int FRAME = AudioCodec.FRAME_SAMPLES;

  private enum State {
    /** No playout point: the next put sets it. */
    EMPTY,
    /** Playout point set, waiting for the target depth. */
    PRIMING,
    /** Playing a frame per poll. */
    PLAYING
  }

  private final int targetDepthFrames;
  private final int maxDepthFrames;

  /** Ring of {@code maxDepthFrames * FRAME} samples indexed by position modulo its length. */
  private final byte[] samples;

  /** Which ring slots hold data; true only for positions in the window of the playout point. */
  private final boolean[] present;

  private State state = State.EMPTY;

  /** Position (a sample count on a 64-bit line) of the first sample of the next frame out. */
  private long playoutPos;

  /** The RTP timestamp of {@link #playoutPos}, modulo 2^32. */
  private int playoutTs;

  /** One past the furthest position holding data. */
  private long dataEnd;

  /** Whether a frame (or an underrun) has gone out since the playout point was last set. */
  private boolean started;

  private long framesOut;
  private long underruns;
  private long lateDrops;
  private long overflows;

  /**
   * Creates an empty buffer.
   *
   * @param targetDepthFrames the frames buffered before playout starts (2-3 for 40-60 ms)
   * @param maxDepthFrames the most frames held ahead of the playout point; also bounds the longest
   *     packet accepted ({@code maxDepthFrames * 20} ms)
   * @throws IllegalArgumentException unless {@code 1 <= targetDepthFrames <= maxDepthFrames}
   */
  public JitterBuffer(int targetDepthFrames, int maxDepthFrames) {
    if (targetDepthFrames < 1) {
      throw new IllegalArgumentException("target depth must be >= 1 frame: " + targetDepthFrames);
    }
    if (maxDepthFrames < targetDepthFrames) {
      throw new IllegalArgumentException(
          "max depth " + maxDepthFrames + " is below the target depth " + targetDepthFrames);
    }
    this.targetDepthFrames = targetDepthFrames;
    this.maxDepthFrames = maxDepthFrames;
    this.samples = new byte[maxDepthFrames * FRAME];
    this.present = new boolean[maxDepthFrames * FRAME];
  }

  /**
   * Stores {@code len} samples starting at RTP {@code rtpTimestamp}.
   *
   * <p>Late samples (behind the playout point) are dropped; a packet wholly late counts in {@link
   * #lateDrops()}. A packet ending beyond the maximum depth counts in {@link #overflows()}, and so
   * does one longer than the whole buffer, which is dropped.
   *
   * @throws IllegalArgumentException when {@code off}/{@code len} do not fit {@code payload}
   */
  public void put(long rtpTimestamp, byte[] payload, int off, int len) {
    if (off < 0 || len < 0 || off > payload.length - len) {
      throw new IllegalArgumentException(
          "range [" + off + ", " + off + "+" + len + ") outside array of " + payload.length);
    }
    if (len == 0) {
      return;
    }
    if (len > samples.length) {
      overflows++;
      return;
    }
    int ts = (int) rtpTimestamp;
    if (state == State.EMPTY) {
      startAt(ts);
    }
    long start = playoutPos + (ts - playoutTs);
    long end = start + len;
    if (start < playoutPos) {
      if (!started && dataEnd - start <= samples.length) {
        // Still priming from the first packet: an earlier one arrived second. Start from it.
        playoutPos = start;
        playoutTs = ts;
      } else if (end <= playoutPos) {
        lateDrops++;
        return;
      } else {
        int skip = (int) (playoutPos - start);
        off += skip;
        len -= skip;
        start = playoutPos;
      }
    }
    if (end > playoutPos + samples.length) {
      overflows++;
      long frames = (end - samples.length - playoutPos + FRAME - 1) / FRAME;
      long newPlayout = playoutPos + frames * FRAME;
      if (newPlayout >= dataEnd) {
        // Nothing buffered would survive: a timestamp jump. Start over from this packet.
        clear();
        startAt(ts);
        start = playoutPos;
        end = start + len;
      } else {
        discard(playoutPos, newPlayout);
        playoutPos = newPlayout;
        playoutTs += (int) (frames * FRAME);
        if (start < playoutPos) {
          int skip = (int) (playoutPos - start);
          off += skip;
          len -= skip;
          start = playoutPos;
        }
      }
    }
    store(start, payload, off, len);
    dataEnd = Math.max(dataEnd, end);
  }

  /**
   * Takes the frame at the playout point; call once per 20 ms tick.
   *
   * @param frame receives {@link AudioCodec#FRAME_SAMPLES} samples where data was received; other
   *     samples are left untouched (prefill it with the codec's silence)
   * @return true when any sample of the frame was received; false while priming, and on an underrun
   *     (counted), when the caller plays silence or concealment instead
   * @throws IllegalArgumentException when {@code frame} is shorter than a frame
   */
  public boolean poll(byte[] frame) {
    if (frame.length < FRAME) {
      throw new IllegalArgumentException("frame must hold " + FRAME + " bytes: " + frame.length);
    }
    if (state == State.EMPTY) {
      return false;
    }
    if (state == State.PRIMING) {
      if (depthFrames() < targetDepthFrames) {
        return false;
      }
      state = State.PLAYING;
    }
    boolean any = take(frame);
    playoutPos += FRAME;
    playoutTs += FRAME;
    started = true;
    if (any) {
      framesOut++;
      return true;
    }
    underruns++;
    if (dataEnd <= playoutPos) {
      state = State.EMPTY;
    } else if (depthFrames() < targetDepthFrames) {
      state = State.PRIMING;
    }
    return false;
  }

  /**
   * Empties the buffer for a new stream (SSRC change, re-INVITE): the next put sets the playout
   * point and playout primes again. The counters keep counting.
   */
  public void reset() {
    clear();
    state = State.EMPTY;
  }

  /** Frames played out with data. */
  public long framesOut() {
    return framesOut;
  }

  /** Polls that found no data for their frame while playing. */
  public long underruns() {
    return underruns;
  }

  /** Packets dropped because all their samples were behind the playout point. */
  public long lateDrops() {
    return lateDrops;
  }

  /** Packets that ran past the maximum depth and moved or reset the playout point. */
  public long overflows() {
    return overflows;
  }

  /** Frames from the playout point to the end of the furthest data, rounded up. */
  public int depthFrames() {
    if (state == State.EMPTY || dataEnd <= playoutPos) {
      return 0;
    }
    return (int) ((dataEnd - playoutPos + FRAME - 1) / FRAME);
  }

  /** The maximum depth in frames this buffer was built with. */
  public int maxDepthFrames() {
    return maxDepthFrames;
  }

  private void startAt(int ts) {
    playoutTs = ts;
    dataEnd = playoutPos;
    started = false;
    state = State.PRIMING;
  }

  /** Copies the frame at the playout point out and frees its slots; whether any was present. */
  private boolean take(byte[] frame) {
    boolean any = false;
    int idx = slot(playoutPos);
    for (int i = 0; i < FRAME; i++) {
      if (present[idx]) {
        frame[i] = samples[idx];
        present[idx] = false;
        any = true;
      }
      if (++idx == samples.length) {
        idx = 0;
      }
    }
    return any;
  }

  private void store(long start, byte[] payload, int off, int len) {
    int idx = slot(start);
    int first = Math.min(len, samples.length - idx);
    System.arraycopy(payload, off, samples, idx, first);
    Arrays.fill(present, idx, idx + first, true);
    if (first < len) {
      System.arraycopy(payload, off + first, samples, 0, len - first);
      Arrays.fill(present, 0, len - first, true);
    }
  }

  private void discard(long from, long to) {
    for (long pos = from; pos < to; pos++) {
      present[slot(pos)] = false;
    }
  }

  private void clear() {
    Arrays.fill(present, false);
    dataEnd = playoutPos;
  }

  private int slot(long pos) {
    return (int) Math.floorMod(pos, (long) samples.length);
  }
}
