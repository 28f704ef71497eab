/**
 * Goertzel tone detection on short blocks (a 20 ms frame: 160 samples at 8 kHz). Used by the
 * playback path to prove in tests that the caller's tone arrives, and by the unit tests of the
 * resampler.
 */

/**
 * Power of `hz` in `samples`, normalised so a pure sine of amplitude A gives about A²/2 (the same
 * scale as the mean square).
 * @param {Float32Array|number[]} samples
 * @param {number} hz
 * @param {number} rate sample rate, Hz
 * @param {number} [offset]
 * @param {number} [length]
 */
export function tonePower(samples, hz, rate, offset = 0, length = samples.length - offset) {
  const coeff = 2 * Math.cos((2 * Math.PI * hz) / rate);
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < length; i++) {
    const s0 = samples[offset + i] + coeff * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
  return (2 * power) / (length * length);
}

/** Mean square of the block. */
export function meanSquare(samples, offset = 0, length = samples.length - offset) {
  let sum = 0;
  for (let i = 0; i < length; i++) sum += samples[offset + i] * samples[offset + i];
  return length === 0 ? 0 : sum / length;
}

/**
 * True when the block carries `hz` as its main content: at least half its energy in that bin and
 * louder than about -40 dBFS.
 */
export function hasTone(samples, hz, rate, offset = 0, length = samples.length - offset) {
  return hasToneShare(samples, hz, rate, 0.5, offset, length);
}

/**
 * True when `hz` holds at least `share` of the block's energy and the block is louder than about
 * -40 dBFS. A share of 0.2 finds each tone of a mix of two or three (a supervisor hears the caller
 * and the operator at once).
 */
export function hasToneShare(samples, hz, rate, share, offset = 0, length = samples.length - offset) {
  const energy = meanSquare(samples, offset, length);
  if (energy < 1e-4) return false;
  return tonePower(samples, hz, rate, offset, length) >= share * energy;
}
