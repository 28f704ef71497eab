package org.tawag.agent;

import org.tawag.media.AudioCodec;
import org.tawag.media.AudioSource;
import org.tawag.media.codec.G711;

/**
 * A small playout buffer between a producer that delivers 20 ms frames in bursts (a WebSocket over
 * TCP, another call's RTP loop) and a paced RTP leg that reads one frame every 20 ms.
 *
 * <p>Playout starts once {@value #PRIME} frames (60 ms) are buffered, the middle of the 40-80 ms
 * that keeps a TCP burst from becoming an audible gap without adding much delay. An underrun sends
 * silence and primes again; more than {@value #CAPACITY} frames (200 ms) drops the oldest, so a
 * producer whose clock runs fast cannot build up latency. A burst can also leave the buffer fuller
 * than needed with a steady producer, which would keep that delay for the rest of the call: when
 * the buffer has not fallen below the prime level for {@value #TRIM_WINDOW} reads (one second), the
 * standing excess is dropped at once. G.711 A-law and µ-law frames convert to the leg's law by
 * table; nothing else is transcoded.
 *
 * <p>Thread-safe: one producer thread and one reader thread, guarded by the object's monitor, which
 * neither holds for more than a 160-byte copy.
 */
public final class AudioPipe implements AudioSource {
  static final int CAPACITY = 10;
  static final int PRIME = 3;
  static final int TRIM_WINDOW = 50;

  private final byte[][] frames = new byte[CAPACITY][AudioCodec.FRAME_SAMPLES];
  private final AudioCodec[] codecs = new AudioCodec[CAPACITY];
  private int head;
  private int size;
  private boolean playing;
  private boolean muted;
  private long received;
  private long played;
  private long underruns;
  private long overflows;
  private long trimmed;
  private int reads;
  private int lowest = Integer.MAX_VALUE;

  /** Queues one 20 ms frame of {@code codec} from {@code src[offset..offset+160)}. */
  public synchronized void push(AudioCodec codec, byte[] src, int offset) {
    if (muted) {
      return;
    }
    received++;
    if (size == CAPACITY) {
      head = (head + 1) % CAPACITY;
      size--;
      overflows++;
    }
    int slot = (head + size) % CAPACITY;
    System.arraycopy(src, offset, frames[slot], 0, AudioCodec.FRAME_SAMPLES);
    codecs[slot] = codec;
    size++;
  }

  @Override
  public synchronized boolean read(AudioCodec codec, byte[] frame) {
    if (!playing) {
      if (size < PRIME) {
        return false;
      }
      playing = true;
    }
    if (size == 0) {
      playing = false;
      underruns++;
      reads = 0;
      lowest = Integer.MAX_VALUE;
      return false;
    }
    byte[] src = frames[head];
    AudioCodec from = codecs[head];
    head = (head + 1) % CAPACITY;
    size--;
    if (from == codec) {
      System.arraycopy(src, 0, frame, 0, AudioCodec.FRAME_SAMPLES);
    } else {
      for (int i = 0; i < AudioCodec.FRAME_SAMPLES; i++) {
        frame[i] = G711.transcode(from, codec, src[i]);
      }
    }
    played++;
    trimStandingDelay();
    return true;
  }

  /** Drops the frames that stayed buffered for a whole window: pure delay, no jitter cover. */
  private void trimStandingDelay() {
    lowest = Math.min(lowest, size);
    if (++reads < TRIM_WINDOW) {
      return;
    }
    int excess = lowest - (PRIME - 1);
    if (excess > 0) {
      head = (head + excess) % CAPACITY;
      size -= excess;
      trimmed += excess;
    }
    reads = 0;
    lowest = Integer.MAX_VALUE;
  }

  /** Muted: frames pushed from now on are discarded and the buffer empties. */
  public synchronized void mute(boolean on) {
    muted = on;
    if (on) {
      size = 0;
      playing = false;
      reads = 0;
      lowest = Integer.MAX_VALUE;
    }
  }

  /** Frames buffered now. */
  public synchronized int buffered() {
    return size;
  }

  /** Counters since creation: received, played, underruns, frames dropped for overflow or delay. */
  public synchronized Stats stats() {
    return new Stats(received, played, underruns, overflows, trimmed);
  }

  /** A snapshot of the counters. */
  public record Stats(long received, long played, long underruns, long overflows, long trimmed) {}
}
