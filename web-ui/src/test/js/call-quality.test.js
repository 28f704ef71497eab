import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ArrivalJitter,
  LossWindow,
  describe,
  grade,
} from '../../main/resources/web/agent/call-quality.js';

test('frames on time have no jitter, even across the timestamp wrap', () => {
  const j = new ArrivalJitter();
  let ts = 0xffffffff - 320;
  for (let i = 0; i < 10; i++) {
    j.arrive(ts >>> 0, 1000 + 20 * i);
    ts += 160;
  }
  assert.equal(j.jitterMs, 0);
});

test('frames alternately 10 ms early and late converge on about 20 ms of jitter', () => {
  const j = new ArrivalJitter();
  for (let i = 0; i < 400; i++) j.arrive(160 * i, 20 * i + (i % 2 ? 10 : -10));
  assert.ok(Math.abs(j.jitterMs - 20) < 0.5, String(j.jitterMs));
  j.reset();
  assert.equal(j.jitterMs, 0);
});

test('loss is the share of expected frames that never came, over the window only', () => {
  const w = new LossWindow(10);
  for (let i = 0; i < 9; i++) w.arrive(0);
  w.arrive(1); // one missing before this one: 1 of 11 expected
  assert.ok(Math.abs(w.percent - 100 / 11) < 1e-9);
  for (let i = 0; i < 10; i++) w.arrive(0); // the gap leaves the window
  assert.equal(w.percent, 0);
});

test('the grade is the worst of the browser and the server figures', () => {
  const clean = { jitterMs: 5, lossPct: 0 };
  const report = (jitterMs, lossPct, gaps = 0) => ({ caller: { jitterMs, lossPct }, uplink: { gaps } });
  assert.equal(grade(clean, null), 'good');
  assert.equal(grade(clean, report(5, 0)), 'good');
  assert.equal(grade({ jitterMs: 35, lossPct: 0 }, null), 'fair');
  assert.equal(grade(clean, report(5, 2)), 'fair');
  assert.equal(grade(clean, report(80, 0)), 'poor');
  assert.equal(grade({ jitterMs: 5, lossPct: 6 }, report(5, 0)), 'poor');
  assert.equal(grade(clean, report(5, 0, 2)), 'fair');
  assert.equal(grade(clean, report(5, 0, 9)), 'poor');
});

test('the text names both hops', () => {
  assert.equal(describe({ jitterMs: 4.4, lossPct: 0 }, null), 'jitter 4 ms, loss 0.0%');
  assert.equal(
    describe({ jitterMs: 4.4, lossPct: 0 }, { caller: { jitterMs: 12.6, lossPct: 1.25 } }),
    'jitter 4 ms, loss 0.0% · caller 13 ms, 1.3%',
  );
});
