import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasTone, hasToneShare } from '../../main/resources/web/shared/goertzel.js';

function mix(rate, n, ...tones) {
  const out = new Float32Array(n);
  for (const hz of tones) {
    for (let i = 0; i < n; i++) out[i] += 0.3 * Math.sin((2 * Math.PI * hz * i) / rate);
  }
  return out;
}

test('each tone of a two-tone mix holds a share but not most of the energy', () => {
  const block = mix(8000, 160, 1000, 2000);
  assert.equal(hasToneShare(block, 1000, 8000, 0.2), true);
  assert.equal(hasToneShare(block, 2000, 8000, 0.2), true);
  assert.equal(hasToneShare(block, 400, 8000, 0.2), false);
  assert.equal(hasTone(mix(8000, 160, 1000), 1000, 8000), true);
});

test('silence carries no tone', () => {
  assert.equal(hasToneShare(new Float32Array(160), 1000, 8000, 0.2), false);
});
