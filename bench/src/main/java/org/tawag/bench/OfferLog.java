package org.tawag.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Matches the offers the simulated operators receive to the calls the {@link SipCaller} placed,
 * by Call-ID (Tawag offers a queue call under its trunk Call-ID), and times them on the same
 * {@link System#nanoTime()} clock as the INVITE:
 *
 * <ul>
 *   <li>arrival to offer: INVITE sent by the generator to offer read by the operator's socket. It
 *       includes the generator's own send, loopback UDP, Tawag's SIP parsing, admission, dial plan,
 *       media set-up, the ACD's routing and the WebSocket write, and the JDK client's read;
 *   <li>ring to offer: the 180 read by the generator to the offer read by the operator. Both are
 *       Tawag's own messages read by the same machine, so this is close to Tawag's time from
 *       queueing the call (it sends 180 just before the ACD sees the call) to writing the offer,
 *       give or take the two clients' read paths.
 * </ul>
 *
 * Written by the WebSocket client's threads, so every histogram is guarded by {@code this}.
 */
final class OfferLog {
  private final Map<String, EchoCall> byCallId = new ConcurrentHashMap<>();
  private final DelayHistogram arrivalToOffer = new DelayHistogram(); // Guarded by this.
  private final DelayHistogram ringToOffer = new DelayHistogram(); // Guarded by this.
  private final DelayHistogram inviteToRing = new DelayHistogram(); // Guarded by this.
  private long offers; // Guarded by this.
  private long repeated; // Guarded by this.
  private long unknown; // Guarded by this.
  private long firstOffer = Long.MAX_VALUE; // Guarded by this.
  private long lastOffer = Long.MIN_VALUE; // Guarded by this.

  /** Expects offers for the calls of {@code run}. */
  void expect(LoadRun run) {
    byCallId.clear();
    for (EchoCall c : run.calls()) {
      byCallId.put(run.callIdOf(c.index), c);
    }
  }

  /** An offer of {@code callId} was read at {@code nanos}. */
  synchronized void offered(String callId, long nanos) {
    EchoCall c = callId == null ? null : byCallId.get(callId);
    if (c == null) {
      unknown++;
      return;
    }
    offers++;
    if (c.offerNanos >= 0) {
      repeated++; // offered again after a no-answer or a lost operator: timed from the first
      return;
    }
    c.offerNanos = nanos;
    firstOffer = Math.min(firstOffer, nanos);
    lastOffer = Math.max(lastOffer, nanos);
    // inviteNanos and ringNanos are written by the SIP thread; the INVITE left before Tawag could
    // offer, and the 180 is read on another thread, so a ring not yet seen here is skipped.
    long invite = c.inviteNanos;
    long ring = c.ringNanos;
    arrivalToOffer.add(nanos - invite);
    if (ring > 0 && ring <= nanos) {
      ringToOffer.add(nanos - ring);
      inviteToRing.add(ring - invite);
    }
  }

  /** Adds this log's figures to {@code r}. */
  synchronized void summarize(Map<String, String> r) {
    r.put("offers", Long.toString(offers));
    r.put("offers_repeated", Long.toString(repeated));
    r.put("offers_unknown", Long.toString(unknown));
    long first = offers - repeated;
    r.put(
        "offers_per_s",
        EchoLoad.fmt(first < 2 ? 0 : (first - 1) / ((lastOffer - firstOffer) / 1e9)));
    put(r, "arrival_to_offer", arrivalToOffer);
    put(r, "ring_to_offer", ringToOffer);
    put(r, "invite_to_ring", inviteToRing);
  }

  private static void put(Map<String, String> r, String name, DelayHistogram h) {
    r.put(name + "_n", Long.toString(h.count()));
    r.put(name + "_p50_ms", EchoLoad.fmt(h.percentileMs(50)));
    r.put(name + "_p99_ms", EchoLoad.fmt(h.percentileMs(99)));
    r.put(name + "_max_ms", EchoLoad.fmt(h.maxMs()));
  }
}
