package org.tawag.media.dtmf;

import org.tawag.media.AudioCodec;

/**
 * Produces the RFC 4733 packets of one outgoing DTMF key press, one per 20 ms tick.
 *
 * <p>For an event of N frames: packets 1..N-1 carry durations 160, 320, ... with E=0; then the
 * final duration {@code N * 160} goes out three times with E=1 (§2.5.1.4: the final packet is sent
 * three times at the update interval). Every packet carries the event's start timestamp; only the
 * first has the M bit (§2.5.1.2). Volume is 10 (-10 dBm0). The caller sends each payload with the
 * leg's SSRC and next sequence number, suspends audio meanwhile, and afterwards continues the audio
 * timestamp at least {@link #durationSamples()} past {@link #timestamp()}.
 *
 * <p>Not thread-safe: owned by the leg's event loop.
 */
public final class DtmfSender {

  /** The volume sent, in -dBm0. */
  public static final int VOLUME = 10;

  /** How many times the final (E=1) packet is sent. */
  public static final int END_PACKETS = 3;

  private static final int FRAME = AudioCodec.FRAME_SAMPLES;

  /** The longest event one segment can describe: 16-bit duration in 20 ms frames. */
  private static final int MAX_FRAMES = 0xFFFF / FRAME;

  private int event;
  private long timestamp;
  private int frames;
  private int packetIndex;
  private boolean active;
  private boolean marker;

  /** Creates a sender with no event in progress. */
  public DtmfSender() {}

  /**
   * Starts an event for {@code digit} lasting {@code durationMs} (rounded up to whole 20 ms
   * frames), starting at RTP {@code timestamp}.
   *
   * @throws IllegalArgumentException for a character that is not a DTMF key, or a duration not in
   *     {@code 1..8180} ms
   * @throws IllegalStateException when the previous event has packets left to send
   */
  public void start(char digit, int durationMs, long timestamp) {
    int code = TelephoneEvent.eventOf(digit);
    int n = (durationMs + 19) / 20;
    if (durationMs <= 0 || n > MAX_FRAMES) {
      throw new IllegalArgumentException(
          "DTMF duration must be 1.." + MAX_FRAMES * 20 + " ms: " + durationMs);
    }
    if (active) {
      throw new IllegalStateException(
          "DTMF event '"
              + TelephoneEvent.digitOf(event)
              + "' still being sent; cannot start '"
              + digit
              + "'");
    }
    this.event = code;
    this.timestamp = timestamp & 0xFFFFFFFFL;
    this.frames = n;
    this.packetIndex = 0;
    this.active = true;
    this.marker = false;
  }

  /** Whether the event has packets left for {@link #next}. */
  public boolean active() {
    return active;
  }

  /**
   * Writes the next 4-byte payload at {@code out[off]}.
   *
   * @return 4, or 0 (writing nothing) when no event is in progress
   */
  public int next(byte[] out, int off) {
    if (!active) {
      marker = false;
      return 0;
    }
    boolean end = packetIndex >= frames - 1;
    int duration = end ? frames * FRAME : (packetIndex + 1) * FRAME;
    TelephoneEvent.write(out, off, event, end, VOLUME, duration);
    marker = packetIndex == 0;
    packetIndex++;
    if (packetIndex == frames - 1 + END_PACKETS) {
      active = false;
    }
    return TelephoneEvent.LENGTH;
  }

  /** Whether the packet just written by {@link #next} is the event's first (its M bit). */
  public boolean marker() {
    return marker;
  }

  /** The RTP timestamp of the current (or last) event, the same on all its packets. */
  public long timestamp() {
    return timestamp;
  }

  /** The samples the current (or last) event covers: its final duration. */
  public int durationSamples() {
    return frames * FRAME;
  }
}
