import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  chartPoints,
  formatDuration,
  formatPercent,
  stateLabel,
} from '../../main/resources/web/shared/wallboard-view.js';

test('durations show m:ss, h:mm:ss past an hour, a dash without data', () => {
  assert.equal(formatDuration(0), '0:00');
  assert.equal(formatDuration(65_900), '1:05');
  assert.equal(formatDuration(3_723_000), '1:02:03');
  assert.equal(formatDuration(null), '–');
});

test('ratios show whole percent, a dash for 0/0', () => {
  assert.equal(formatPercent(1 / 3), '33%');
  assert.equal(formatPercent(1), '100%');
  assert.equal(formatPercent(null), '–');
});

test('states read as on the operator page', () => {
  assert.equal(stateLabel('on_call'), 'on call');
  assert.equal(stateLabel('available'), 'ready');
  assert.equal(stateLabel('something_new'), 'something_new');
});

test('chart sums queues and places the hour across the width', () => {
  const now = '2026-03-02T10:00:00Z';
  const history = [
    { at: '2026-03-02T09:00:00Z', waiting: { support: 0, sales: 0 } },
    { at: '2026-03-02T09:30:00Z', waiting: { support: 1, sales: 1 } },
    { at: now, waiting: { support: 4 } },
  ];
  const { points, max } = chartPoints(history, now, 600, 100);
  assert.equal(max, 4);
  assert.equal(points, '0.0,100.0 300.0,50.0 600.0,0.0');
});

test('an empty history draws nothing and scales to one call', () => {
  assert.deepEqual(chartPoints([], '2026-03-02T10:00:00Z', 600, 100), { points: '', max: 1 });
});
