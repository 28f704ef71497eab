import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RING, ringPeriod, ringSteps } from '../../main/resources/web/agent/ring-cadence.js';

const close = (a, b) => Math.abs(a - b) < 1e-9;

test('one ring is two bursts then a pause', () => {
  assert.ok(close(ringPeriod(), 3.0));
  const steps = ringSteps(10, 1);
  assert.deepEqual(
    steps.map((s) => [Number(s.at.toFixed(6)), s.gain]),
    [
      [10, RING.level],
      [10.4, 0],
      [10.6, RING.level],
      [11, 0],
    ],
  );
});

test('the pattern repeats every period until the time is covered', () => {
  const steps = ringSteps(0, 7);
  const starts = steps.filter((s) => s.gain > 0).map((s) => s.at);
  assert.equal(starts.length, 6); // three rings of two bursts: 0, 3, 6
  assert.ok(close(starts[2], 3) && close(starts[4], 6));
  for (let i = 1; i < steps.length; i++) assert.ok(steps[i].at >= steps[i - 1].at);
  assert.equal(steps.at(-1).gain, 0);
});

test('nothing to play for no time', () => {
  assert.deepEqual(ringSteps(0, 0), []);
  assert.deepEqual(ringSteps(0, Number.NaN), []);
});

test('a custom pattern', () => {
  const p = { tones: [425], bursts: [1], pause: 4, level: 0.5 };
  assert.ok(close(ringPeriod(p), 5));
  assert.deepEqual(ringSteps(2, 5, p), [
    { at: 2, gain: 0.5 },
    { at: 3, gain: 0 },
  ]);
});
