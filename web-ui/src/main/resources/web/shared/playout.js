/**
 * Adaptive playout buffer for the caller's 20 ms frames (8 kHz, 160 samples), between the
 * WebSocket and the sound card. Network delivery is bursty and the sound card's clock drifts from
 * the server's 20 ms pacing, so playback starts only once `target` ms are queued, and:
 *
 * - underrun (nothing to play): plays silence, counts it, waits for the target again and raises
 *   the target by one frame (up to `maxMs`), because the network just showed more jitter;
 * - overrun (more than `maxMs` queued): drops the oldest frames back to the target and counts
 *   them, so delay never builds up;
 * - after `relaxFrames` frames played without an underrun the target steps down one frame (not
 *   below `minMs`), so a calm network gets back to low delay.
 *
 * Frames are copied into preallocated slots; no allocation after construction.
 */
export class PlayoutBuffer {
  /**
   * @param {{frameSamples?:number, frameMs?:number, minMs?:number, maxMs?:number,
   *     startMs?:number, relaxFrames?:number}} [options]
   */
  constructor({
    frameSamples = 160,
    frameMs = 20,
    minMs = 40,
    maxMs = 120,
    startMs = 60,
    relaxFrames = 500,
  } = {}) {
    if (!(minMs <= startMs && startMs <= maxMs)) {
      throw new RangeError(`need minMs <= startMs <= maxMs: ${minMs}, ${startMs}, ${maxMs}`);
    }
    this.frameSamples = frameSamples;
    this.minFrames = Math.ceil(minMs / frameMs);
    this.maxFrames = Math.floor(maxMs / frameMs);
    this.targetFrames = Math.round(startMs / frameMs);
    this.relaxFrames = relaxFrames;
    this.slots = [];
    for (let i = 0; i <= this.maxFrames + 1; i++) this.slots.push(new Float32Array(frameSamples));
    this.silence = new Float32Array(frameSamples);
    this.head = 0; // next slot to play
    this.size = 0;
    this.playing = false;
    this.calm = 0;
    this.underruns = 0;
    this.overruns = 0; // frames dropped because too much was queued
    this.played = 0;
  }

  /** Queued audio in milliseconds. */
  get depthMs() {
    return (this.size * 20 * this.frameSamples) / 160;
  }

  /** Current target in milliseconds. */
  get targetMs() {
    return (this.targetFrames * 20 * this.frameSamples) / 160;
  }

  /** Queues one frame (copied). */
  push(samples) {
    if (this.size === this.slots.length) this.dropOldest(1);
    const slot = this.slots[(this.head + this.size) % this.slots.length];
    slot.set(samples.subarray ? samples.subarray(0, this.frameSamples) : samples);
    this.size++;
    if (this.size > this.maxFrames) this.dropOldest(this.size - this.targetFrames);
  }

  /**
   * The next frame to play: a queued frame, or silence while priming or after an underrun. The
   * returned array is owned by the buffer and valid until the next `push`.
   * @returns {Float32Array}
   */
  pull() {
    if (!this.playing) {
      if (this.size < this.targetFrames) return this.silence;
      this.playing = true;
    }
    if (this.size === 0) {
      this.underruns++;
      this.playing = false;
      this.calm = 0;
      if (this.targetFrames < this.maxFrames) this.targetFrames++;
      return this.silence;
    }
    const slot = this.slots[this.head];
    this.head = (this.head + 1) % this.slots.length;
    this.size--;
    this.played++;
    if (++this.calm >= this.relaxFrames) {
      this.calm = 0;
      if (this.targetFrames > this.minFrames) this.targetFrames--;
    }
    return slot;
  }

  dropOldest(n) {
    this.head = (this.head + n) % this.slots.length;
    this.size -= n;
    this.overruns += n;
  }
}
