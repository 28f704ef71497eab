/**
 * G.711 µ-law (PCMU) and A-law (PCMA) codecs as lookup tables, bit-exact with the server's
 * `org.tawag.media.codec.G711`: both follow Sun's g711.c from the ITU-T G.191 tools (the µ-law
 * encoder is the 14-bit variant, sample >> 2). Pure: no DOM, usable in AudioWorklets and Node.
 */

/** RTP payload type of µ-law. */
export const PCMU = 0;
/** RTP payload type of A-law. */
export const PCMA = 8;

const ALAW_SEGMENT_END = [0x1f, 0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff];

function ulawToLinearRef(code) {
  const u = ~code & 0xff;
  let t = ((u & 0x0f) << 3) + 0x84;
  t <<= (u & 0x70) >> 4;
  return (u & 0x80) !== 0 ? 0x84 - t : t - 0x84;
}

function alawToLinearRef(code) {
  const a = (code & 0xff) ^ 0x55;
  let t = (a & 0x0f) << 4;
  const seg = (a & 0x70) >> 4;
  if (seg === 0) t += 8;
  else if (seg === 1) t += 0x108;
  else t = (t + 0x108) << (seg - 1);
  return (a & 0x80) !== 0 ? t : -t;
}

function linearToUlawRef(sample) {
  let pcm = sample >> 2;
  let mask = 0xff;
  if (pcm < 0) {
    pcm = -pcm;
    mask = 0x7f;
  }
  if (pcm > 8159) pcm = 8159;
  pcm += 33;
  let seg = 0;
  for (let v = pcm >> 6; v !== 0; v >>= 1) seg++;
  if (seg >= 8) return 0x7f ^ mask;
  return ((seg << 4) | ((pcm >> (seg + 1)) & 0x0f)) ^ mask;
}

function linearToAlawRef(sample) {
  let pcm = sample >> 3;
  let mask;
  if (pcm >= 0) {
    mask = 0xd5;
  } else {
    mask = 0x55;
    pcm = -pcm - 1;
  }
  let seg = 0;
  while (seg < 8 && pcm > ALAW_SEGMENT_END[seg]) seg++;
  if (seg >= 8) return 0x7f ^ mask;
  const aval = (seg << 4) | (seg < 2 ? (pcm >> 1) & 0x0f : (pcm >> seg) & 0x0f);
  return aval ^ mask;
}

const ULAW_TO_LINEAR = new Int16Array(256);
const ALAW_TO_LINEAR = new Int16Array(256);
// Indexed by the sample's 16-bit two's complement pattern, as the server's tables.
const LINEAR_TO_ULAW = new Uint8Array(65536);
const LINEAR_TO_ALAW = new Uint8Array(65536);
for (let c = 0; c < 256; c++) {
  ULAW_TO_LINEAR[c] = ulawToLinearRef(c);
  ALAW_TO_LINEAR[c] = alawToLinearRef(c);
}
for (let s = -32768; s <= 32767; s++) {
  LINEAR_TO_ULAW[s & 0xffff] = linearToUlawRef(s);
  LINEAR_TO_ALAW[s & 0xffff] = linearToAlawRef(s);
}

function clip(pcm) {
  return pcm > 32767 ? 32767 : pcm < -32768 ? -32768 : pcm | 0;
}

/** µ-law code (0-255) of a 16-bit sample; values outside 16 bits are clipped. */
export function linearToUlaw(pcm) {
  return LINEAR_TO_ULAW[clip(pcm) & 0xffff];
}

/** 16-bit sample of a µ-law code. */
export function ulawToLinear(code) {
  return ULAW_TO_LINEAR[code & 0xff];
}

/** A-law code (0-255) of a 16-bit sample; values outside 16 bits are clipped. */
export function linearToAlaw(pcm) {
  return LINEAR_TO_ALAW[clip(pcm) & 0xffff];
}

/** 16-bit sample of an A-law code. */
export function alawToLinear(code) {
  return ALAW_TO_LINEAR[code & 0xff];
}

/**
 * Encodes float samples (-1..1) into G.711 codes.
 * @param {number} payloadType PCMU (0) or PCMA (8)
 * @param {Float32Array} samples input, length n
 * @param {Uint8Array} out output, at least samples.length long
 */
export function encodeFloat(payloadType, samples, out) {
  const table = tableForEncode(payloadType);
  for (let i = 0; i < samples.length; i++) {
    out[i] = table[clip(Math.round(samples[i] * 32767)) & 0xffff];
  }
  return out;
}

/**
 * Decodes G.711 codes into float samples (-1..1).
 * @param {number} payloadType PCMU (0) or PCMA (8)
 * @param {Uint8Array} codes input
 * @param {Float32Array} out output, at least codes.length long
 */
export function decodeFloat(payloadType, codes, out) {
  const table = tableForDecode(payloadType);
  for (let i = 0; i < codes.length; i++) out[i] = table[codes[i]] / 32768;
  return out;
}

function tableForEncode(pt) {
  if (pt === PCMU) return LINEAR_TO_ULAW;
  if (pt === PCMA) return LINEAR_TO_ALAW;
  throw new RangeError(`payload type ${pt} is not G.711 (0 or 8)`);
}

function tableForDecode(pt) {
  if (pt === PCMU) return ULAW_TO_LINEAR;
  if (pt === PCMA) return ALAW_TO_LINEAR;
  throw new RangeError(`payload type ${pt} is not G.711 (0 or 8)`);
}
