/**
 * Pure helpers of the supervisor wallboard: durations and ratios as shown, and the SVG path of the
 * last hour's waiting calls. No DOM, so `node --test` covers them.
 */

/** Milliseconds as m:ss (h:mm:ss from an hour); a dash for null (no data). */
export function formatDuration(ms) {
  if (ms === null || ms === undefined) return '–';
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A ratio as a whole percentage; a dash for null (0/0: no calls yet). */
export function formatPercent(ratio) {
  if (ratio === null || ratio === undefined) return '–';
  return `${Math.round(ratio * 100)}%`;
}

/** The state's label as operators see it on their own page. */
export function stateLabel(state) {
  return (
    {
      offline: 'offline',
      available: 'ready',
      offered: 'ringing',
      on_call: 'on call',
      wrap_up: 'wrap-up',
      not_ready: 'paused',
    }[state] ?? state
  );
}

/**
 * Total waiting calls per history point (all queues summed) as an SVG polyline's points, x over the
 * last hour ending at `now`, y from the top (`height` is zero calls). Returns {points, max}.
 * @param {{at:string, waiting:Object<string,number>}[]} history
 */
export function chartPoints(history, now, width, height, spanMs = 3600_000) {
  const totals = history.map((p) => ({
    t: Date.parse(p.at),
    n: Object.values(p.waiting).reduce((a, b) => a + b, 0),
  }));
  const max = Math.max(1, ...totals.map((p) => p.n));
  const end = Date.parse(now);
  const points = totals
    .map(({ t, n }) => {
      const x = width - ((end - t) / spanMs) * width;
      const y = height - (n / max) * height;
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
  return { points, max };
}
