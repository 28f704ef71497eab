/**
 * The incoming-call ring as a schedule of gain changes: short two-tone bursts, then a pause,
 * repeated. Pure (no WebAudio), so `node --test` checks the pattern; ringer.js plays it.
 */

/**
 * The ring the operator hears: 440 + 480 Hz (the North American ringback chord), two 0.4 s
 * bursts 0.2 s apart, then 2 s of silence. Quiet: it must not drown a headset.
 */
export const RING = Object.freeze({
  tones: Object.freeze([440, 480]),
  bursts: Object.freeze([0.4, 0.2, 0.4]), // on, off, on, ... seconds
  pause: 2.0,
  level: 0.12,
});

/** One repetition of `pattern`, in seconds. */
export function ringPeriod(pattern = RING) {
  return pattern.bursts.reduce((a, b) => a + b, 0) + pattern.pause;
}

/**
 * The gain steps `{at, gain}` that play `pattern` from `start` for at least `seconds` (whole
 * repetitions), in time order; every repetition ends at gain 0.
 */
export function ringSteps(start, seconds, pattern = RING) {
  if (!(seconds > 0)) return [];
  const period = ringPeriod(pattern);
  const steps = [];
  for (let t0 = start; t0 < start + seconds; t0 += period) {
    let t = t0;
    pattern.bursts.forEach((length, i) => {
      steps.push({ at: t, gain: i % 2 === 0 ? pattern.level : 0 });
      t += length;
    });
    steps.push({ at: t, gain: 0 });
  }
  return steps;
}
