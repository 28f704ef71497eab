/**
 * The agent WebSocket's binary audio frame (docs/agent-protocol.md, "Audio"): one 20 ms frame,
 * an 8-byte header then 160 bytes of G.711.
 *
 * ```
 * byte 0       format version: 1
 * byte 1       RTP payload type: 0 = PCMU, 8 = PCMA
 * bytes 2-3    sequence number, uint16 big-endian, +1 per frame
 * bytes 4-7    timestamp, uint32 big-endian, 8 kHz samples, +160 per frame
 * bytes 8-167  160 bytes of G.711
 * ```
 */

export const FRAME_VERSION = 1;
export const HEADER_BYTES = 8;
export const PAYLOAD_BYTES = 160;
export const FRAME_BYTES = HEADER_BYTES + PAYLOAD_BYTES;

/**
 * Builds one frame.
 * @param {{payloadType:number, seq:number, timestamp:number, payload:Uint8Array}} f
 * @returns {ArrayBuffer} 168 bytes
 */
export function encodeFrame({ payloadType, seq, timestamp, payload }) {
  if (payload.length !== PAYLOAD_BYTES) {
    throw new RangeError(`payload is ${payload.length} bytes, not ${PAYLOAD_BYTES}`);
  }
  const buf = new ArrayBuffer(FRAME_BYTES);
  const view = new DataView(buf);
  view.setUint8(0, FRAME_VERSION);
  view.setUint8(1, payloadType);
  view.setUint16(2, seq & 0xffff);
  view.setUint32(4, timestamp >>> 0);
  new Uint8Array(buf, HEADER_BYTES).set(payload);
  return buf;
}

/**
 * Reads one frame. Bad input is a value, not an exception: the result carries `error`.
 * @param {ArrayBuffer} buf
 * @returns {{payloadType:number, seq:number, timestamp:number, payload:Uint8Array}|{error:string}}
 */
export function decodeFrame(buf) {
  if (buf.byteLength !== FRAME_BYTES) return { error: `length ${buf.byteLength}` };
  const view = new DataView(buf);
  const version = view.getUint8(0);
  if (version !== FRAME_VERSION) return { error: `version ${version}` };
  const payloadType = view.getUint8(1);
  if (payloadType !== 0 && payloadType !== 8) return { error: `payload type ${payloadType}` };
  return {
    payloadType,
    seq: view.getUint16(2),
    timestamp: view.getUint32(4),
    payload: new Uint8Array(buf, HEADER_BYTES, PAYLOAD_BYTES),
  };
}
