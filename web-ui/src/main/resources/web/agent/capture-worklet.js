/**
 * AudioWorklet processor for the operator's microphone: resamples the context rate (48 or
 * 44.1 kHz) down to 8 kHz with a low-pass (see ../shared/resampler.js), cuts 160-sample (20 ms)
 * frames, encodes them with the call's G.711 law and posts each frame's payload to the main thread,
 * which adds the header and sends it. Posts the frame's level too, for the microphone meter.
 */
import { Resampler } from '../shared/resampler.js';
import { encodeFloat, PCMU } from '../shared/g711.js';

const FRAME = 160;

class CaptureProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    // `sampleRate` is the AudioWorkletGlobalScope's context rate.
    this.resampler = new Resampler(sampleRate, 8000, { maxInput: 128 });
    this.out = new Float32Array(this.resampler.maxOutput(128));
    this.frame = new Float32Array(FRAME);
    this.filled = 0;
    this.payloadType = PCMU;
    this.port.onmessage = (e) => {
      if (e.data.payloadType !== undefined) this.payloadType = e.data.payloadType;
    };
  }

  process(inputs) {
    const channel = inputs[0]?.[0];
    if (!channel) return true;
    const n = this.resampler.process(channel, this.out);
    for (let i = 0; i < n; i++) {
      this.frame[this.filled++] = this.out[i];
      if (this.filled === FRAME) {
        this.flush();
        this.filled = 0;
      }
    }
    return true;
  }

  flush() {
    let sum = 0;
    for (let i = 0; i < FRAME; i++) sum += this.frame[i] * this.frame[i];
    const payload = encodeFloat(this.payloadType, this.frame, new Uint8Array(FRAME));
    this.port.postMessage({ payload, level: Math.sqrt(sum / FRAME) }, [payload.buffer]);
  }
}

registerProcessor('tawag-capture', CaptureProcessor);
