/**
 * Streaming fractional resampler for mono float audio: windowed-sinc interpolation at any rate
 * ratio (48 kHz or 44.1 kHz sound cards <-> the 8 kHz of G.711). The low-pass sits at 90 % of the
 * lower rate's Nyquist frequency (3.6 kHz for 8 kHz), so decimation does not fold tones above
 * 4 kHz into the voice band and interpolation does not leave images above it.
 *
 * The kernel is tabulated once per instance and linearly interpolated, so `process` does no
 * trigonometry and no allocation in steady state (it runs inside AudioWorklets).
 */

const TABLE_STEPS = 256; // kernel samples per input sample

export class Resampler {
  /**
   * @param {number} inRate input sample rate, Hz
   * @param {number} outRate output sample rate, Hz
   * @param {{zeroCrossings?: number, maxInput?: number}} [options] kernel half-width in zero
   *     crossings (default 8); largest input block expected (default 4096; larger still works)
   */
  constructor(inRate, outRate, { zeroCrossings = 8, maxInput = 4096 } = {}) {
    if (!(inRate > 0) || !(outRate > 0)) {
      throw new RangeError(`rates must be positive: ${inRate} -> ${outRate}`);
    }
    this.inRate = inRate;
    this.outRate = outRate;
    this.step = inRate / outRate; // input samples per output sample
    // Cutoff in cycles per input sample.
    this.cutoff = (0.45 * Math.min(inRate, outRate)) / inRate;
    this.halfWidth = zeroCrossings / (2 * this.cutoff); // in input samples
    this.table = buildKernel(this.cutoff, this.halfWidth);
    this.reach = Math.ceil(this.halfWidth);
    this.buf = new Float32Array(maxInput + 4 * this.reach + 8);
    // Start with half a kernel of silence so the first output sample is at time zero.
    this.len = this.reach;
    this.pos = this.reach; // position of the next output sample, in buffer samples
  }

  /** Output samples `process` may write for an input block of `n` samples, at most. */
  maxOutput(n) {
    return Math.ceil((n + this.len) / this.step) + 2;
  }

  /**
   * Feeds `input` and writes every output sample it can into `output`.
   * @param {Float32Array} input
   * @param {Float32Array} output at least `maxOutput(input.length)` long
   * @returns {number} samples written
   */
  process(input, output) {
    this.append(input);
    let count = 0;
    const reach = this.reach;
    while (this.pos + reach < this.len) {
      output[count++] = this.sampleAt(this.pos);
      this.pos += this.step;
    }
    this.compact(Math.floor(this.pos) - reach);
    return count;
  }

  sampleAt(t) {
    const buf = this.buf;
    const table = this.table;
    const first = Math.ceil(t - this.halfWidth);
    const last = Math.floor(t + this.halfWidth);
    let acc = 0;
    for (let n = first; n <= last; n++) {
      const x = Math.abs(t - n) * TABLE_STEPS;
      const i = x | 0;
      const frac = x - i;
      acc += buf[n] * (table[i] + (table[i + 1] - table[i]) * frac);
    }
    return acc;
  }

  append(input) {
    if (this.len + input.length > this.buf.length) {
      const bigger = new Float32Array((this.len + input.length) * 2);
      bigger.set(this.buf.subarray(0, this.len));
      this.buf = bigger;
    }
    this.buf.set(input, this.len);
    this.len += input.length;
  }

  compact(drop) {
    if (drop <= 0) return;
    this.buf.copyWithin(0, drop, this.len);
    this.len -= drop;
    this.pos -= drop;
  }
}

/** h(d) = 2fc·sinc(2fc·d)·Blackman(d), tabulated for d in [0, halfWidth] (plus guard zeros). */
function buildKernel(cutoff, halfWidth) {
  const size = Math.ceil(halfWidth * TABLE_STEPS) + 2;
  const table = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const d = i / TABLE_STEPS;
    if (d >= halfWidth) break;
    const x = 2 * cutoff * d;
    const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    const w = 0.42 + 0.5 * Math.cos((Math.PI * d) / halfWidth) + 0.08 * Math.cos((2 * Math.PI * d) / halfWidth);
    table[i] = 2 * cutoff * sinc * w;
  }
  return table;
}
