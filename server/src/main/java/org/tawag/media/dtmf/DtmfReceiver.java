package org.tawag.media.dtmf;

/**
 * Turns received RFC 4733 telephone-event packets into digits, each reported once.
 *
 * <p>An event is identified by its RTP timestamp (RFC 4733 §2.5.2.1): every packet of one event,
 * updates and the three end retransmissions alike, carries the event's start timestamp, while the M
 * bit may be lost and senders such as SIPp repeat the sequence number of the end packets. The digit
 * is reported on the first packet seen, for latency; later packets of that timestamp are repeats.
 *
 * <p>Not thread-safe: owned by the leg's event loop.
 */
public final class DtmfReceiver {

  /**
   * How far back (in RTP units, 10 s at 8 kHz) a timestamp is taken for a late packet of an earlier
   * event rather than a new event of a stream whose timestamps started over.
   */
  private static final int STALE_WINDOW = 80_000;

  private boolean haveEvent;
  private int lastTimestamp;
  private int lastEvent;
  private int lastDuration;
  private boolean lastEnded;

  /** Creates a receiver that has seen no event. */
  public DtmfReceiver() {}

  /**
   * Accounts for one telephone-event packet.
   *
   * @param rtpTimestamp the packet's RTP timestamp
   * @param ev the packet's payload
   * @return the digit ('0'-'9', '*', '#', 'A'-'D', '!' for flash) when this packet starts a new
   *     event, or 0 for repeats, end retransmissions, late packets of an earlier event, the
   *     continuation segment of a long event (§2.5.1.3) and events that are not DTMF
   */
  public char accept(long rtpTimestamp, TelephoneEvent ev) {
    int ts = (int) rtpTimestamp;
    if (haveEvent) {
      int delta = ts - lastTimestamp;
      if (delta == 0) {
        lastDuration = Math.max(lastDuration, ev.duration());
        lastEnded |= ev.end();
        return 0;
      }
      if (delta < 0 && delta > -STALE_WINDOW) {
        return 0;
      }
      // §2.5.1.3: an event longer than 0xFFFF units goes on as a new segment whose timestamp is
      // the old one plus the old segment's duration; it is the same key press.
      boolean continuation = !lastEnded && ev.event() == lastEvent && delta == lastDuration;
      remember(ts, ev);
      if (continuation) {
        return 0;
      }
    } else {
      remember(ts, ev);
    }
    return TelephoneEvent.isDigit(ev.event()) ? TelephoneEvent.digitOf(ev.event()) : 0;
  }

  /** Forgets the last event, for a new stream (SSRC change, re-INVITE). */
  public void reset() {
    haveEvent = false;
  }

  private void remember(int ts, TelephoneEvent ev) {
    haveEvent = true;
    lastTimestamp = ts;
    lastEvent = ev.event();
    lastDuration = ev.duration();
    lastEnded = ev.end();
  }
}
