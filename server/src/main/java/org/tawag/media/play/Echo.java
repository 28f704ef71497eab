package org.tawag.media.play;

import org.tawag.media.AudioCodec;
import org.tawag.media.AudioSink;
import org.tawag.media.AudioSource;
import org.tawag.media.codec.G711;

/**
 * Sends back what a leg receives (an echo test line), through a bounded queue of frames.
 *
 * <p>When more than the capacity is waiting the oldest frame is dropped and counted, so the echo
 * never lags by more than the capacity. Frames are transcoded with {@link G711#transcode} when the
 * codec they are read in differs from the one they were written in. Use it as both source and sink
 * of one leg (or of two legs on the same event loop); it is not thread-safe.
 */
public final class Echo implements AudioSource, AudioSink {
  /** The default capacity: 10 frames, 200 ms. */
  public static final int DEFAULT_CAPACITY = 10;

  private static final int FRAME = AudioCodec.FRAME_SAMPLES;

  private final byte[][] frames;
  private final AudioCodec[] codecs;
  private int head;
  private int size;
  private long dropped;

  /** An echo holding at most {@link #DEFAULT_CAPACITY} frames. */
  public Echo() {
    this(DEFAULT_CAPACITY);
  }

  /** An echo holding at most {@code capacity} frames. */
  public Echo(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("echo capacity must be at least 1 frame: " + capacity);
    }
    this.frames = new byte[capacity][FRAME];
    this.codecs = new AudioCodec[capacity];
  }

  @Override
  public void write(AudioCodec codec, byte[] frame) {
    if (size == frames.length) {
      head = (head + 1) % frames.length;
      size--;
      dropped++;
    }
    int tail = (head + size) % frames.length;
    System.arraycopy(frame, 0, frames[tail], 0, FRAME);
    codecs[tail] = codec;
    size++;
  }

  @Override
  public boolean read(AudioCodec codec, byte[] frame) {
    if (size == 0) {
      return false;
    }
    byte[] oldest = frames[head];
    AudioCodec from = codecs[head];
    if (from == codec) {
      System.arraycopy(oldest, 0, frame, 0, FRAME);
    } else {
      for (int i = 0; i < FRAME; i++) {
        frame[i] = G711.transcode(from, codec, oldest[i]);
      }
    }
    head = (head + 1) % frames.length;
    size--;
    return true;
  }

  /** Frames waiting to be echoed. */
  public int queued() {
    return size;
  }

  /** Frames dropped because the queue was full. */
  public long dropped() {
    return dropped;
  }
}
