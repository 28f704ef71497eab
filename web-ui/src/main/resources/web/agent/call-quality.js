/**
 * The operator's call-quality figures, pure so node tests them: the arrival jitter of the
 * server's audio frames (RFC 3550 A.8, frame timestamps at 8 kHz against arrival times), the share
 * of frames missing by sequence gaps over a sliding window, and a grade that combines them with the
 * server's `quality` report (the caller's RTP as it reaches the server, and the operator's own
 * frames as the caller's playout buffer saw them).
 */

/** Interarrival jitter in milliseconds, smoothed by 1/16 per frame as RFC 3550 A.8 does. */
export class ArrivalJitter {
  constructor() {
    this.jitterMs = 0;
    this.last = null;
  }

  /**
   * @param {number} timestamp the frame's 8 kHz timestamp (uint32, wraps)
   * @param {number} arrivalMs when it arrived, in milliseconds of any monotonic clock
   * @returns {number} the jitter so far
   */
  arrive(timestamp, arrivalMs) {
    if (this.last) {
      // `| 0` takes the difference as signed 32 bits, so the wrap of the timestamp is harmless.
      const sentMs = ((timestamp - this.last.timestamp) | 0) / 8;
      const d = arrivalMs - this.last.arrivalMs - sentMs;
      this.jitterMs += (Math.abs(d) - this.jitterMs) / 16;
    }
    this.last = { timestamp, arrivalMs };
    return this.jitterMs;
  }

  /** A new stream: the next frame starts the differences again. */
  reset() {
    this.last = null;
    this.jitterMs = 0;
  }
}

/** Frames lost over the last `size` arrivals, as a percentage of those expected. */
export class LossWindow {
  constructor(size = 250) {
    this.gaps = new Uint16Array(size);
    this.next = 0;
    this.count = 0;
    this.lost = 0;
  }

  /** One frame arrived, `gap` frames after the one expected (0 when in order). */
  arrive(gap) {
    if (this.count === this.gaps.length) this.lost -= this.gaps[this.next];
    else this.count++;
    this.gaps[this.next] = gap;
    this.lost += gap;
    this.next = (this.next + 1) % this.gaps.length;
  }

  get percent() {
    const expected = this.count + this.lost;
    return expected === 0 ? 0 : (100 * this.lost) / expected;
  }
}

/** Jitter (ms) and loss (%) under which a stream is good, and from which it is poor. */
export const GOOD = { jitterMs: 30, lossPct: 1 };
export const POOR = { jitterMs: 60, lossPct: 5 };

/**
 * The grade of the operator's audio: `good`, `fair` or `poor`, the worst of the browser's own
 * figures and the server's last report (`server` may be null before the first one).
 * @param {{jitterMs: number, lossPct: number}} browser
 * @param {{caller: {jitterMs: number, lossPct: number}, uplink: {gaps: number}}|null} server
 */
export function grade(browser, server) {
  const streams = [browser];
  if (server) streams.push(server.caller);
  let worst = 'good';
  for (const s of streams) {
    if (s.jitterMs >= POOR.jitterMs || s.lossPct >= POOR.lossPct) return 'poor';
    if (s.jitterMs >= GOOD.jitterMs || s.lossPct >= GOOD.lossPct) worst = 'fair';
  }
  // Gaps in what the caller hears of the operator: a few per interval is fair, many is poor.
  const gaps = server?.uplink?.gaps ?? 0;
  if (gaps > 5) return 'poor';
  if (gaps > 0) worst = 'fair';
  return worst;
}

/** The indicator's text. */
export function describe(browser, server) {
  const own = `jitter ${Math.round(browser.jitterMs)} ms, loss ${browser.lossPct.toFixed(1)}%`;
  if (!server) return own;
  const c = server.caller;
  return `${own} · caller ${Math.round(c.jitterMs)} ms, ${c.lossPct.toFixed(1)}%`;
}
