/**
 * AudioWorklet processor for the caller's audio: G.711 frames from the socket go through the
 * adaptive playout buffer (../shared/playout.js), then 8 kHz -> context rate, then out in the
 * 128-sample quanta the audio thread asks for. A Goertzel detector on every received frame counts
 * frames carrying the test tone (1000 Hz by default), so a browser test can prove end-to-end audio.
 */
import { PlayoutBuffer } from '../shared/playout.js';
import { Resampler } from '../shared/resampler.js';
import { decodeFloat } from '../shared/g711.js';
import { hasTone } from '../shared/goertzel.js';

const FRAME = 160;
const STATS_EVERY = 25; // frames: twice a second

class PlaybackProcessor extends AudioWorkletProcessor {
  constructor(options) {
    super();
    this.toneHz = options?.processorOptions?.toneHz ?? 1000;
    this.playout = new PlayoutBuffer();
    this.resampler = new Resampler(8000, sampleRate, { maxInput: FRAME });
    this.ring = new Float32Array(this.resampler.maxOutput(FRAME) + 256);
    this.ringLen = 0;
    this.ringPos = 0;
    this.decoded = new Float32Array(FRAME);
    this.rxFrames = 0;
    this.toneFrames = 0;
    this.port.onmessage = (e) => this.receive(e.data);
  }

  receive({ payloadType, payload }) {
    decodeFloat(payloadType, payload, this.decoded);
    this.rxFrames++;
    if (hasTone(this.decoded, this.toneHz, 8000)) this.toneFrames++;
    this.playout.push(this.decoded);
    if (this.rxFrames % STATS_EVERY === 0) this.report();
  }

  report() {
    this.port.postMessage({
      rxFrames: this.rxFrames,
      toneFrames: this.toneFrames,
      toneHz: this.toneHz,
      underruns: this.playout.underruns,
      overruns: this.playout.overruns,
      depthMs: this.playout.depthMs,
      targetMs: this.playout.targetMs,
    });
  }

  process(_inputs, outputs) {
    const out = outputs[0][0];
    let written = 0;
    while (written < out.length) {
      if (this.ringPos === this.ringLen) this.refill();
      if (this.ringLen === 0) {
        out.fill(0, written);
        break;
      }
      const n = Math.min(out.length - written, this.ringLen - this.ringPos);
      out.set(this.ring.subarray(this.ringPos, this.ringPos + n), written);
      this.ringPos += n;
      written += n;
    }
    for (let c = 1; c < outputs[0].length; c++) outputs[0][c].set(out);
    return true;
  }

  refill() {
    this.ringLen = this.resampler.process(this.playout.pull(), this.ring);
    this.ringPos = 0;
  }
}

registerProcessor('tawag-playback', PlaybackProcessor);
