import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PreviewClient, cardLines } from '../../main/resources/web/agent/preview.js';

function fakeFetch(answers) {
  const calls = [];
  const fn = async (path, init) => {
    calls.push({ path, method: init?.method });
    const [status, body] = answers.shift();
    return {
      ok: status >= 200 && status < 300,
      status,
      json: async () => (typeof body === 'string' ? JSON.parse(body) : body),
    };
  };
  return { fn, calls };
}

test('next holds a contact, call and skip post to it', async () => {
  const card = { contactId: 7, customer: { fullName: 'Ana', phone: '+15550001' }, attempts: 0, maxAttempts: 3 };
  const { fn, calls } = fakeFetch([[200, { campaigns: [{ id: 2, name: 'loans' }] }], [200, card], [202, {}], [204, null]]);
  const p = new PreviewClient(fn);
  assert.deepEqual(await p.campaigns(), [{ id: 2, name: 'loans' }]);
  assert.deepEqual(await p.next(2), card);
  await p.call(7);
  await p.skip(7);
  assert.deepEqual(calls, [
    { path: '/api/preview/campaigns', method: 'GET' },
    { path: '/api/preview/campaigns/2/next', method: 'POST' },
    { path: '/api/preview/contacts/7/dial', method: 'POST' },
    { path: '/api/preview/contacts/7/skip', method: 'POST' },
  ]);
});

test('no contact due is null, and a refusal carries the server\'s words', async () => {
  const { fn } = fakeFetch([[204, null], [409, { error: 'not now: hours: outside 09:00-20:00' }], [500, 'oops']]);
  const p = new PreviewClient(fn);
  assert.equal(await p.next(2), null);
  await assert.rejects(p.call(7), /not now: hours/);
  await assert.rejects(p.skip(7), /answered 500/);
});

test('the card reads as lines', () => {
  assert.deepEqual(
    cardLines({
      customer: { fullName: 'Ana Cruz', phone: '+639171234567', timeZone: 'Asia/Manila' },
      attempts: 1, maxAttempts: 3, lastResult: 'no_answer', callbackAt: '2026-12-01T09:30:00Z',
    }),
    ['Ana Cruz +639171234567', 'Time zone: Asia/Manila', 'Attempt 2 of 3', 'Last call: no answer',
      'Call back promised for 2026-12-01 09:30 UTC']);
});
