import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlayoutBuffer } from '../../main/resources/web/shared/playout.js';

const frame = (v) => new Float32Array(160).fill(v);

test('plays nothing until the 60 ms target is queued, then in order', () => {
  const b = new PlayoutBuffer();
  b.push(frame(1));
  b.push(frame(2));
  assert.equal(b.pull()[0], 0, 'priming: silence');
  b.push(frame(3));
  assert.equal(b.depthMs, 60);
  assert.deepEqual([b.pull()[0], b.pull()[0], b.pull()[0]], [1, 2, 3]);
  assert.equal(b.underruns, 0);
});

test('an underrun plays silence, is counted and raises the target one frame', () => {
  const b = new PlayoutBuffer();
  for (let i = 1; i <= 3; i++) b.push(frame(i));
  b.pull();
  b.pull();
  b.pull();
  assert.equal(b.pull()[0], 0);
  assert.equal(b.underruns, 1);
  assert.equal(b.targetMs, 80);
  for (let i = 0; i < 3; i++) b.push(frame(9));
  assert.equal(b.pull()[0], 0, 're-priming to the new target');
  b.push(frame(9));
  assert.equal(b.pull()[0], 9);
});

test('the target never passes 120 ms', () => {
  const b = new PlayoutBuffer();
  for (let i = 0; i < 10; i++) {
    for (let k = 0; k < 6; k++) b.push(frame(1));
    while (b.size > 0) b.pull();
    b.pull(); // underrun
  }
  assert.equal(b.underruns, 10);
  assert.equal(b.targetMs, 120);
});

test('more than 120 ms queued drops the oldest back to the target, counted', () => {
  const b = new PlayoutBuffer();
  for (let i = 1; i <= 7; i++) b.push(frame(i));
  assert.equal(b.overruns, 4);
  assert.equal(b.depthMs, 60);
  assert.equal(b.pull()[0], 5, 'the newest audio is kept');
});

test('a calm stream steps the target down to 40 ms, not below', () => {
  const b = new PlayoutBuffer({ relaxFrames: 10, startMs: 80 });
  for (let i = 0; i < 4; i++) b.push(frame(1));
  for (let i = 0; i < 100; i++) {
    b.push(frame(1));
    b.pull();
  }
  assert.equal(b.targetMs, 40);
  assert.equal(b.underruns, 0);
});

test('bad limits are refused', () => {
  assert.throws(() => new PlayoutBuffer({ minMs: 80, startMs: 60 }), /minMs <= startMs/);
});
