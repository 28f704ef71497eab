/**
 * The operator's audio: microphone -> capture worklet -> 20 ms G.711 frames -> socket, and socket
 * frames -> playback worklet -> speakers. Runs on the main thread only as glue: the per-sample work
 * happens in the worklets (audio thread).
 *
 * Publishes `window.__tawagAudio` for tests and the quality indicator: rxFrames, rxToneFrames
 * (received frames carrying `toneHz`), txFrames, underruns, overruns, depthMs, lost (sequence
 * gaps), jitterMs (frame arrival jitter, RFC 3550 A.8), lossPct (frames missing over the last
 * 5 s), level (microphone RMS, 0..1), contextState, ringing (the incoming-call ring plays).
 */
import { decodeFrame, encodeFrame } from '../shared/frames.js';
import { PCMU } from '../shared/g711.js';
import { ArrivalJitter, LossWindow } from './call-quality.js';

export class AudioEngine {
  /**
   * @param {{testMode?: boolean, toneHz?: number, onStats?: (stats: object) => void}} options
   *     testMode turns off echo cancellation, noise suppression and gain control, which would
   *     treat a steady test tone as noise
   */
  constructor({ testMode = false, toneHz = 1000, onStats = () => {} } = {}) {
    this.testMode = testMode;
    this.toneHz = toneHz;
    this.onStats = onStats;
    this.payloadType = PCMU;
    this.seq = 0;
    this.timestamp = 0;
    this.lastRxSeq = null;
    this.sendFrame = null;
    this.jitter = new ArrivalJitter();
    this.loss = new LossWindow();
    this.stats = {
      rxFrames: 0,
      rxToneFrames: 0,
      toneHz,
      txFrames: 0,
      underruns: 0,
      overruns: 0,
      depthMs: 0,
      lost: 0,
      jitterMs: 0,
      lossPct: 0,
      badFrames: 0,
      level: 0,
      contextState: 'none',
      ringing: false,
      error: null,
    };
    globalThis.__tawagAudio = this.stats;
  }

  /** Starts the context, the microphone and both worklets. Call from a user gesture. */
  async start() {
    if (this.context) return;
    try {
      const context = new AudioContext({ latencyHint: 'interactive' });
      this.context = context;
      const processing = !this.testMode;
      const mic = await navigator.mediaDevices.getUserMedia({
        audio: {
          echoCancellation: processing,
          noiseSuppression: processing,
          autoGainControl: processing,
          channelCount: 1,
        },
      });
      await context.audioWorklet.addModule(new URL('./capture-worklet.js', import.meta.url));
      await context.audioWorklet.addModule(new URL('./playback-worklet.js', import.meta.url));
      this.capture = new AudioWorkletNode(context, 'tawag-capture', { numberOfOutputs: 0 });
      this.playback = new AudioWorkletNode(context, 'tawag-playback', {
        numberOfInputs: 0,
        outputChannelCount: [1],
        processorOptions: { toneHz: this.toneHz },
      });
      context.createMediaStreamSource(mic).connect(this.capture);
      this.playback.connect(context.destination);
      this.capture.port.onmessage = (e) => this.captured(e.data);
      this.playback.port.onmessage = (e) => this.played(e.data);
      context.onstatechange = () => this.update({ contextState: context.state });
      await context.resume();
      this.update({ contextState: context.state });
    } catch (e) {
      this.update({ error: String(e) });
      throw e;
    }
  }

  /**
   * Lets a suspended context play: browsers start a context created without a user gesture (a
   * page reloaded mid-call) suspended, so the page offers a button that calls this.
   */
  async resume() {
    if (!this.context) return this.start();
    await this.context.resume();
    this.update({ contextState: this.context.state });
  }

  /** The socket was opened again: the server's frames start a new sequence. */
  newStream() {
    this.lastRxSeq = null;
    this.jitter.reset();
  }

  /** Where captured frames go (the socket while a call is connected), or null to drop them. */
  setSender(send) {
    if (send && !this.sendFrame) {
      // A new stream of frames: the server sees a fresh sequence.
      this.seq = 0;
      this.timestamp = 0;
    }
    this.sendFrame = send;
  }

  /** Feeds one binary message from the socket. */
  receive(buf) {
    const f = decodeFrame(buf);
    if (f.error) {
      this.stats.badFrames++;
      return;
    }
    let gap = 0;
    if (this.lastRxSeq !== null) {
      gap = (f.seq - this.lastRxSeq - 1) & 0xffff;
      // A huge gap is a restarted stream, not loss.
      if (gap >= 1000) gap = 0;
      this.stats.lost += gap;
    }
    this.lastRxSeq = f.seq;
    this.loss.arrive(gap);
    this.stats.jitterMs = this.jitter.arrive(f.timestamp, performance.now());
    this.stats.lossPct = this.loss.percent;
    if (f.payloadType !== this.payloadType) {
      // Answer in the law the caller's audio arrives in: the server then passes it through.
      this.payloadType = f.payloadType;
      this.capture?.port.postMessage({ payloadType: f.payloadType });
    }
    const payload = f.payload.slice();
    this.playback?.port.postMessage({ payloadType: f.payloadType, payload }, [payload.buffer]);
  }

  captured({ payload, level }) {
    this.stats.level = level;
    if (!this.sendFrame) return;
    this.sendFrame(
      encodeFrame({
        payloadType: this.payloadType,
        seq: this.seq,
        timestamp: this.timestamp,
        payload,
      }),
    );
    this.seq = (this.seq + 1) & 0xffff;
    this.timestamp = (this.timestamp + 160) >>> 0;
    this.stats.txFrames++;
  }

  played(s) {
    this.update({
      rxFrames: s.rxFrames,
      rxToneFrames: s.toneFrames,
      underruns: s.underruns,
      overruns: s.overruns,
      depthMs: s.depthMs,
    });
  }

  update(changes) {
    Object.assign(this.stats, changes);
    this.onStats(this.stats);
  }
}
