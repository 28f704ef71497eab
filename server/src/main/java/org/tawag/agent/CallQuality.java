package org.tawag.agent;

import io.vertx.core.json.JsonObject;
import org.tawag.media.MediaStats;

/**
 * The {@code quality} message: how the operator's audio fares over the last interval, measured
 * where the server sees it. {@code caller} is the caller leg's RTP as it arrives here (RFC 3550
 * interarrival jitter, and packets lost as a share of those expected in the interval): what the
 * operator hears starts there. {@code uplink} is the operator's own frames over the WebSocket as
 * the playout buffer toward the caller saw them: frames received, gaps the caller heard (buffer
 * underruns) and frames dropped for overflow or standing delay.
 *
 * <p>Keeps the previous snapshots to report differences; not thread-safe, one per socket context.
 */
final class CallQuality {
  /** Time between reports. */
  static final long EVERY_MILLIS = 2000;

  private MediaStats lastCaller;
  private AudioPipe.Stats lastUplink;

  /** Starts a new call's intervals. */
  void reset() {
    lastCaller = null;
    lastUplink = null;
  }

  /** The report for {@code callId} since the previous one (or since the call began). */
  JsonObject report(String callId, MediaStats caller, AudioPipe.Stats uplink) {
    long received =
        caller.packetsReceived() - (lastCaller == null ? 0 : lastCaller.packetsReceived());
    long lost =
        Math.max(0, caller.packetsLost() - (lastCaller == null ? 0 : lastCaller.packetsLost()));
    long expected = received + lost;
    AudioPipe.Stats u = uplink;
    AudioPipe.Stats p = lastUplink == null ? new AudioPipe.Stats(0, 0, 0, 0, 0) : lastUplink;
    lastCaller = caller;
    lastUplink = uplink;
    return new JsonObject()
        .put("type", "quality")
        .put("callId", callId)
        .put("intervalMs", EVERY_MILLIS)
        .put(
            "caller",
            new JsonObject()
                .put("jitterMs", Math.round(caller.jitterMs() * 10) / 10.0)
                .put("lossPct", expected == 0 ? 0.0 : Math.round(1000.0 * lost / expected) / 10.0)
                .put("packets", received))
        .put(
            "uplink",
            new JsonObject()
                .put("frames", u.received() - p.received())
                .put("gaps", u.underruns() - p.underruns())
                .put("dropped", (u.overflows() - p.overflows()) + (u.trimmed() - p.trimmed())));
  }
}
