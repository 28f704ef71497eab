import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  alawToLinear, decodeFloat, encodeFloat, linearToAlaw, linearToUlaw, PCMA, PCMU, ulawToLinear,
} from '../../main/resources/web/shared/g711.js';

// [sample, µ-law, A-law], printed by the server's org.tawag.media.codec.G711.
const ENCODED = [
  [0, 255, 213], [1, 255, 213], [-1, 126, 85], [100, 242, 211], [-100, 114, 83],
  [1000, 206, 250], [-1000, 78, 122], [32636, 128, 170], [32767, 128, 170], [-32768, 0, 42],
  [12345, 151, 189], [-12345, 23, 61], [5, 254, 213], [-5, 126, 85], [300, 228, 199],
  [-7000, 36, 14],
];
// [code, µ-law linear, A-law linear], same source.
const DECODED = [
  [0, -32124, -5504], [1, -31100, -5248], [15, -16764, -6784], [16, -15996, -2752],
  [127, 0, -848], [128, 32124, 5504], [200, 1372, 472], [255, 0, 848],
];

test('encodes like the server', () => {
  for (const [s, u, a] of ENCODED) {
    assert.equal(linearToUlaw(s), u, `µ-law of ${s}`);
    assert.equal(linearToAlaw(s), a, `A-law of ${s}`);
  }
});

test('decodes like the server', () => {
  for (const [c, u, a] of DECODED) {
    assert.equal(ulawToLinear(c), u, `µ-law code ${c}`);
    assert.equal(alawToLinear(c), a, `A-law code ${c}`);
  }
});

test('clips samples outside 16 bits', () => {
  assert.equal(linearToUlaw(100000), linearToUlaw(32767));
  assert.equal(linearToAlaw(-100000), linearToAlaw(-32768));
});

test('every code survives decode then encode', () => {
  for (let c = 0; c < 256; c++) {
    // µ-law has two zeros (127 and 255); both decode to 0, which encodes as 255.
    if (c !== 127) assert.equal(linearToUlaw(ulawToLinear(c)), c, `µ-law ${c}`);
    assert.equal(linearToAlaw(alawToLinear(c)), c, `A-law ${c}`);
  }
});

test('float round trip stays within G.711 quantisation', () => {
  const samples = Float32Array.from({ length: 160 }, (_, i) => 0.5 * Math.sin(i / 3));
  for (const pt of [PCMU, PCMA]) {
    const back = decodeFloat(pt, encodeFloat(pt, samples, new Uint8Array(160)), new Float32Array(160));
    for (let i = 0; i < 160; i++) assert.ok(Math.abs(back[i] - samples[i]) < 0.02, `pt ${pt} #${i}`);
  }
});

test('refuses a payload type that is not G.711', () => {
  assert.throws(() => encodeFloat(9, new Float32Array(1), new Uint8Array(1)), /payload type 9/);
});
