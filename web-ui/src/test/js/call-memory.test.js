import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CallMemory } from '../../main/resources/web/agent/call-memory.js';

/** sessionStorage's surface over a Map. */
function storage() {
  const m = new Map();
  return {
    getItem: (k) => (m.has(k) ? m.get(k) : null),
    setItem: (k, v) => m.set(k, String(v)),
    removeItem: (k) => m.delete(k),
    size: () => m.size,
  };
}

test('what is kept for a call comes back for that call only', () => {
  const s = storage();
  new CallMemory(s).keep('c1', { pop: { phone: '+1' } });
  new CallMemory(s).keep('c1', { draft: { fullName: 'A' } });
  const after = new CallMemory(s); // the page after a reload
  assert.deepEqual(after.recall('c1'), { callId: 'c1', pop: { phone: '+1' }, draft: { fullName: 'A' } });
  assert.equal(after.recall('c2'), null);
  assert.equal(after.recall(null), null);
});

test('a new call replaces the last one', () => {
  const m = new CallMemory(storage());
  m.keep('c1', { draft: { fullName: 'A' } });
  m.keep('c2', { order: { id: 'o2' } });
  assert.equal(m.recall('c1'), null);
  assert.deepEqual(m.recall('c2'), { callId: 'c2', order: { id: 'o2' } });
});

test('forget drops it', () => {
  const s = storage();
  const m = new CallMemory(s);
  m.keep('c1', { draft: {} });
  m.forget();
  assert.equal(m.recall('c1'), null);
  assert.equal(s.size(), 0);
});

test('broken or missing storage brings nothing back and throws nothing', () => {
  const full = { ...storage(), setItem() { throw new Error('QuotaExceededError'); } };
  const m = new CallMemory(full);
  m.keep('c1', { draft: { fullName: 'A' } });
  assert.equal(m.recall('c1'), null);
  const garbled = storage();
  garbled.setItem('tawag.call', '{not json');
  assert.equal(new CallMemory(garbled).recall('c1'), null);
  const none = new CallMemory(null);
  none.keep('c1', {});
  none.forget();
  assert.equal(none.recall('c1'), null);
});
