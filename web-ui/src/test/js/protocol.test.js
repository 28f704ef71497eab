import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AgentProtocol, CLOSE_REPLACED } from '../../main/resources/web/agent/protocol.js';

/** A WebSocket double that records what the client sent and lets the test play the server. */
class FakeSocket {
  constructor() {
    this.sent = [];
    this.closedWith = null;
  }
  send(data) {
    this.sent.push(typeof data === 'string' ? JSON.parse(data) : data);
  }
  close(code) {
    this.closedWith = code;
  }
  server(msg) {
    this.onmessage({ data: JSON.stringify(msg) });
  }
  drop(code = 1006) {
    this.onclose({ code });
  }
}

/** Timers that fire only when the test advances them. */
class FakeTimers {
  constructor() {
    this.now = 0;
    this.due = [];
  }
  setTimeout(fn, ms) {
    const t = { fn, at: this.now + ms };
    this.due.push(t);
    return t;
  }
  clearTimeout(t) {
    this.due = this.due.filter((d) => d !== t);
  }
  advance(ms) {
    this.now += ms;
    const ready = this.due.filter((d) => d.at <= this.now);
    this.due = this.due.filter((d) => d.at > this.now);
    ready.forEach((d) => d.fn());
  }
}

function client() {
  const sockets = [];
  const timers = new FakeTimers();
  const c = new AgentProtocol({
    connect: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    timers,
    now: () => timers.now,
    backoff: { initialMs: 500, maxMs: 4000 },
  });
  c.start();
  const socket = () => sockets[sockets.length - 1];
  return { c, timers, sockets, socket };
}

function welcomed() {
  const t = client();
  t.socket().server({ type: 'welcome', protocol: 1, agent: 'alice', audio: { format: 1 } });
  t.socket().server({ type: 'state', state: 'not_ready', reason: 'logged in', since: '2026-11-29T10:00:00Z' });
  return t;
}

test('welcome opens the connection and state is kept with its reason and since', () => {
  const { c } = welcomed();
  assert.equal(c.view.connection, 'open');
  assert.equal(c.view.agent, 'alice');
  assert.equal(c.view.state, 'not_ready');
  assert.equal(c.view.reason, 'logged in');
  assert.equal(c.view.since, Date.parse('2026-11-29T10:00:00Z'));
});

test('nothing is sent before welcome', () => {
  const { c, socket } = client();
  assert.equal(c.ready(), false);
  assert.deepEqual(socket().sent, []);
});

test('a campaign call keeps its script with the screen pop', () => {
  const { c, socket } = welcomed();
  socket().server({ type: 'offer', callId: 'c9', caller: '+15550001', queue: 'outbound', waitedMs: 0, ringMs: 15000 });
  const campaign = { id: 3, name: 'tv-upgrade', script: 'Offer the 300 Mbps plan.', contactId: 8 };
  socket().server({ type: 'screenPop', callId: 'c9', pop: null, campaign });
  assert.deepEqual(c.view.pop, { campaign });
  socket().server({ type: 'screenPop', callId: 'other', pop: { phone: '+1' }, campaign });
  assert.deepEqual(c.view.pop, { campaign }, 'a pop for another call is ignored');
});

test('ready and pause send their messages', () => {
  const { c, socket } = welcomed();
  c.ready();
  c.pause('lunch');
  assert.deepEqual(socket().sent, [{ type: 'ready' }, { type: 'pause', reason: 'lunch' }]);
});

test('offer, screen pop, answer, connected, ended, wrap-up', () => {
  const { c, socket, timers } = welcomed();
  const changes = [];
  c.on('change', (v) => changes.push(v.state));
  socket().server({ type: 'offer', callId: 'c1', caller: '+15550100', queue: 'support', waitedMs: 1200, ringMs: 15000 });
  socket().server({ type: 'state', state: 'offered' });
  socket().server({ type: 'screenPop', callId: 'c1', pop: { phone: '+15550100', customer: null, openOrders: [], recentCalls: [] } });
  assert.equal(c.view.offer.caller, '+15550100');
  assert.equal(c.view.pop.phone, '+15550100');
  c.answer();
  assert.deepEqual(socket().sent.at(-1), { type: 'answer', callId: 'c1' });
  timers.advance(1000);
  socket().server({ type: 'state', state: 'on_call' });
  socket().server({ type: 'connected', callId: 'c1', caller: '+15550100', queue: 'support' });
  assert.equal(c.view.offer, null);
  assert.equal(c.view.call.callId, 'c1');
  assert.equal(c.view.call.at, 1000);
  assert.equal(c.view.pop.phone, '+15550100', 'the screen pop stays for the call');
  c.mute(true);
  c.hold(true);
  c.dtmf('12#');
  c.transfer({ queue: 'sales' });
  assert.deepEqual(socket().sent.slice(-4), [
    { type: 'mute', callId: 'c1', on: true },
    { type: 'hold', callId: 'c1' },
    { type: 'dtmf', callId: 'c1', digits: '12#' },
    { type: 'transfer', callId: 'c1', to: { queue: 'sales' } },
  ]);
  socket().server({ type: 'ended', callId: 'c1', by: 'caller' });
  socket().server({ type: 'state', state: 'wrap_up' });
  assert.equal(c.view.call, null);
  assert.equal(c.view.wrapup.callId, 'c1');
  c.wrapUp({ disposition: 'refused', reason: 'bad_time' });
  assert.deepEqual(socket().sent.at(-1), { type: 'wrapup', callId: 'c1', disposition: 'refused', reason: 'bad_time' });
  socket().server({ type: 'state', state: 'available', reason: 'ready' });
  assert.equal(c.view.wrapup, null);
  assert.equal(c.view.pop, null, 'the next call starts clean');
  assert.ok(changes.includes('wrap_up'));
});

test('reject and offerCancelled clear the offer', () => {
  const { c, socket } = welcomed();
  socket().server({ type: 'offer', callId: 'c2', caller: '+1', queue: 'q', waitedMs: 0, ringMs: 1 });
  c.reject();
  assert.deepEqual(socket().sent.at(-1), { type: 'reject', callId: 'c2' });
  socket().server({ type: 'offerCancelled', callId: 'c2' });
  assert.equal(c.view.offer, null);
});

test('invalid order errors are kept by field for the order form, then cleared on save', () => {
  const { c, socket } = welcomed();
  socket().server({ type: 'connected', callId: 'c3', caller: '+1', queue: 'q' });
  c.saveOrder({ phone: 'nope' });
  assert.deepEqual(socket().sent.at(-1), { type: 'saveOrder', callId: 'c3', order: { phone: 'nope' } });
  socket().server({ type: 'error', code: 'invalid', message: 'invalid order', errors: { phone: 'not a phone number', 'address.city': 'required' } });
  assert.deepEqual(c.view.errors.saveOrder, { phone: 'not a phone number', 'address.city': 'required' });
  c.saveOrder({ phone: '+15550100' });
  assert.deepEqual(c.view.errors.saveOrder, {}, 'a new attempt clears the old errors');
  socket().server({ type: 'orderSaved', callId: 'c3', order: { id: 'o1' } });
  assert.equal(c.view.order.id, 'o1');
  assert.equal(c.view.lastError, null, 'the saved order clears the old error');
});

test('an error that names its request is filed under it, whatever was sent last', () => {
  const { c, socket } = welcomed();
  socket().server({ type: 'connected', callId: 'c5', caller: '+1', queue: 'q' });
  c.saveOrder({ phone: 'nope' });
  c.mute(true);
  socket().server({ type: 'error', request: 'saveOrder', code: 'invalid', message: 'x', errors: { phone: 'bad' } });
  assert.deepEqual(c.view.errors.saveOrder, { phone: 'bad' });
});

test('a bad_field error on wrap-up is kept under its field', () => {
  const { c, socket } = welcomed();
  socket().server({ type: 'ended', callId: 'c4', by: 'agent' });
  c.wrapUp({ disposition: 'callback' });
  socket().server({ type: 'error', code: 'bad_field', field: 'callbackAt', message: 'required' });
  assert.deepEqual(c.view.errors.wrapup, { callbackAt: 'required' });
  assert.equal(c.view.lastError.code, 'bad_field');
});

test('binary messages go to audio listeners and audio is sent only when open', () => {
  const { c, socket } = client();
  const frames = [];
  c.on('audio', (f) => frames.push(f));
  const buf = new ArrayBuffer(168);
  c.sendAudio(buf);
  assert.equal(socket().sent.length, 0);
  socket().onmessage({ data: buf });
  assert.deepEqual(frames, [buf]);
  socket().server({ type: 'welcome', agent: 'alice' });
  c.sendAudio(buf);
  assert.deepEqual(socket().sent, [buf]);
});

test('a dropped socket reconnects with doubling backoff, reset by welcome', () => {
  const { c, timers, sockets, socket } = welcomed();
  socket().drop();
  assert.equal(c.view.connection, 'reconnecting');
  timers.advance(499);
  assert.equal(sockets.length, 1);
  timers.advance(1);
  assert.equal(sockets.length, 2);
  socket().drop();
  timers.advance(999);
  assert.equal(sockets.length, 2);
  timers.advance(1);
  assert.equal(sockets.length, 3);
  for (let i = 0; i < 5; i++) {
    socket().drop();
    timers.advance(4000); // capped at maxMs
  }
  assert.equal(sockets.length, 8);
  socket().server({ type: 'welcome', agent: 'alice' });
  assert.equal(c.view.attempts, 0);
  socket().drop();
  timers.advance(500);
  assert.equal(sockets.length, 9);
});

test('the call comes back after a reconnect with its start time', () => {
  const { c, timers, socket } = welcomed();
  socket().server({ type: 'connected', callId: 'c5', caller: '+1', queue: 'q' });
  c.mute(true);
  timers.advance(3000);
  socket().drop();
  timers.advance(500);
  socket().server({ type: 'welcome', agent: 'alice' });
  socket().server({ type: 'state', state: 'on_call' });
  socket().server({ type: 'connected', callId: 'c5', caller: '+1', queue: 'q' });
  assert.equal(c.view.call.at, 0);
  assert.equal(c.view.call.muted, true);
});

test('after a reload the call timer starts at the on_call state, not at the page load', () => {
  const { c, timers, socket } = welcomed();
  timers.advance(5000);
  socket().server({ type: 'state', state: 'on_call', since: new Date(1000).toISOString() });
  socket().server({ type: 'connected', callId: 'c7', caller: '+1', queue: 'q' });
  assert.equal(c.view.call.callId, 'c7');
  assert.equal(c.view.call.at, 1000);
  assert.equal(c.view.call.muted, false);
});

test('restore puts back the pop and order of the same call only, once', () => {
  const { c, socket } = welcomed();
  const pop = { phone: '+1', customer: null };
  const order = { id: 'o1', fullName: 'A' };
  assert.equal(c.restore('c8', { pop, order }), false, 'no call yet');
  socket().server({ type: 'state', state: 'on_call' });
  socket().server({ type: 'connected', callId: 'c8', caller: '+1', queue: 'q' });
  const seen = [];
  c.on('change', (v) => seen.push(v.pop));
  assert.equal(c.restore('c9', { pop, order }), false, 'another call');
  assert.equal(c.restore('c8', { pop, order }), true);
  assert.deepEqual([c.view.pop, c.view.order], [pop, order]);
  assert.equal(seen.length, 1);
  assert.equal(c.restore('c8', { pop: { phone: '+2' } }), false, 'the view already has one');
  assert.equal(c.view.pop, pop);
});

test('replaced and stop do not reconnect', () => {
  const a = welcomed();
  a.socket().server({ type: 'replaced' });
  a.socket().drop(CLOSE_REPLACED);
  a.timers.advance(60_000);
  assert.equal(a.sockets.length, 1);
  assert.equal(a.c.view.connection, 'replaced');

  const b = welcomed();
  b.c.stop();
  assert.equal(b.socket().closedWith, 1000);
  b.socket().drop(1000);
  b.timers.advance(60_000);
  assert.equal(b.sockets.length, 1);
});

test('malformed JSON from the server is ignored', () => {
  const { c, socket } = welcomed();
  socket().onmessage({ data: '{nope' });
  assert.equal(c.view.connection, 'open');
});
