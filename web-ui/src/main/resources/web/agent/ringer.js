/**
 * Plays the incoming-call ring (ring-cadence.js) through the page's AudioContext while an offer
 * rings, so an operator who looks away from the screen still notices the call. Stops the moment
 * the offer is answered, rejected or cancelled.
 */
import { RING, ringSteps } from './ring-cadence.js';

/** Longest ring scheduled at once; an offer rings for less (the queue's offer-timeout). */
const MAX_RING_SECONDS = 120;

export class Ringer {
  /**
   * @param {() => (AudioContext|undefined)} context the page's context, absent before audio starts
   * @param {(ringing: boolean) => void} onChange told when the ring starts or stops
   */
  constructor(context, onChange = () => {}) {
    this.context = context;
    this.onChange = onChange;
    this.nodes = null;
  }

  get ringing() {
    return this.nodes !== null;
  }

  /** Rings for about `seconds` when `on`, else stops; repeated calls with the same wish do nothing. */
  set(on, seconds = MAX_RING_SECONDS) {
    if (on === this.ringing) return;
    if (on) this.start(Math.min(seconds, MAX_RING_SECONDS));
    else this.stop();
    if (on === this.ringing) this.onChange(this.ringing);
  }

  start(seconds) {
    const ctx = this.context();
    if (!ctx) return; // no audio yet: the page's alert still shows the offer
    const gain = ctx.createGain();
    gain.gain.value = 0;
    gain.connect(ctx.destination);
    const oscillators = RING.tones.map((hz) => {
      const o = ctx.createOscillator();
      o.frequency.value = hz;
      o.connect(gain);
      return o;
    });
    const t0 = ctx.currentTime + 0.05;
    // A 5 ms glide instead of a jump: no click at each burst's edges.
    for (const s of ringSteps(t0, seconds)) gain.gain.setTargetAtTime(s.gain / RING.tones.length, s.at, 0.005);
    for (const o of oscillators) o.start(t0);
    this.nodes = { gain, oscillators };
  }

  stop() {
    const { gain, oscillators } = this.nodes;
    this.nodes = null;
    for (const o of oscillators) {
      try {
        o.stop();
      } catch {
        // already stopped: nothing to do
      }
    }
    gain.disconnect();
  }
}
