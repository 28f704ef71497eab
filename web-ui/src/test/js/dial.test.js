import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AgentProtocol } from '../../main/resources/web/agent/protocol.js';
import { dialable, dialFailureText, stateLabel } from '../../main/resources/web/agent/format.js';

/** The operator's own calls in the protocol client, against a socket the test plays. */
function welcomed() {
  let socket = null;
  let now = 0;
  const c = new AgentProtocol({
    connect: () => {
      socket = {
        sent: [],
        send(data) { this.sent.push(JSON.parse(data)); },
        close() {},
        server(msg) { this.onmessage({ data: JSON.stringify(msg) }); },
      };
      return socket;
    },
    now: () => now,
  });
  c.start();
  socket.server({ type: 'welcome', protocol: 1, agent: 'alice', audio: { format: 1 } });
  socket.server({ type: 'state', state: 'available', reason: 'ready' });
  return { c, socket: () => socket, advance: (ms) => { now += ms; } };
}

test('dial sends the number and purpose, then dialing, on_call and connected make it a call', () => {
  const { c, socket, advance } = welcomed();
  const pop = { phone: '+15550100', customer: { id: 7, fullName: 'Maria', phone: '+15550100' } };
  assert.equal(c.dial('+15550100', { customerId: 7, orderId: 'O-000001', pop }), true);
  assert.deepEqual(socket().sent.at(-1),
    { type: 'dial', number: '+15550100', customerId: 7, orderId: 'O-000001' });
  assert.equal(c.view.dial.number, '+15550100');
  socket().server({ type: 'state', state: 'on_call', reason: 'dialling' });
  socket().server({ type: 'dialing', callId: 'd1', number: '+15550100' });
  assert.equal(c.view.dial.callId, 'd1');
  assert.equal(c.view.call, null);
  advance(4000);
  socket().server({ type: 'state', state: 'on_call', reason: 'on call' });
  socket().server({ type: 'connected', callId: 'd1', caller: '+15550100', queue: 'support' });
  assert.equal(c.view.dial, null);
  assert.equal(c.view.call.callId, 'd1');
  assert.equal(c.view.pop, pop, 'the pop it was dialled from comes back for the call');
});

test('dialFailed keeps the cause and the state goes back', () => {
  const { c, socket } = welcomed();
  c.dial('5550199');
  socket().server({ type: 'state', state: 'on_call', reason: 'dialling' });
  socket().server({ type: 'dialing', callId: 'd2', number: '5550199' });
  assert.equal(c.cancelDial(), true);
  assert.deepEqual(socket().sent.at(-1), { type: 'cancelDial' });
  socket().server({ type: 'dialFailed', callId: 'd2', number: '5550199', cause: 'busy' });
  socket().server({ type: 'state', state: 'available', reason: 'ready' });
  assert.equal(c.view.dial, null);
  assert.deepEqual({ ...c.view.dialFailure, at: 0 }, { number: '5550199', cause: 'busy', at: 0 });
  assert.equal(c.cancelDial(), false, 'nothing rings any more');
});

test('a refused dial or a bad number ends the dialling view with the error by field', () => {
  const { c, socket } = welcomed();
  c.dial('12x');
  socket().server({ type: 'error', code: 'bad_field', field: 'number', message: 'number must be E.164' });
  assert.equal(c.view.dial, null);
  assert.equal(c.view.errors.dial.number, 'number must be E.164');
  c.dial('5550100');
  socket().server({ type: 'error', code: 'dial_refused', message: 'you can dial only when ready or paused' });
  assert.equal(c.view.dial, null);
});

test('the last call’s pop stays for click-to-dial once the call is filed', () => {
  const { c, socket } = welcomed();
  const pop = { phone: '+15550100', customer: null, openOrders: [] };
  socket().server({ type: 'offer', callId: 'c1', caller: '+15550100', queue: 'support' });
  socket().server({ type: 'screenPop', callId: 'c1', pop });
  socket().server({ type: 'connected', callId: 'c1', caller: '+15550100', queue: 'support' });
  socket().server({ type: 'ended', callId: 'c1', by: 'caller' });
  socket().server({ type: 'state', state: 'wrap_up' });
  socket().server({ type: 'state', state: 'available', reason: 'ready' });
  assert.equal(c.view.pop, null);
  assert.deepEqual(c.view.lastPop, pop);
});

test('typed numbers lose their spaces and dashes; other text is no number', () => {
  assert.equal(dialable(' +63 2 8123-4567 '), '+63281234567');
  assert.equal(dialable('(02) 555.0100'), '025550100');
  assert.equal(dialable('*123#'), '*123#');
  assert.equal(dialable('+0123'), null);
  assert.equal(dialable('call me'), null);
  assert.equal(dialable(''), null);
});

test('failures read as plain words and the state says dialling', () => {
  assert.equal(dialFailureText('busy'), 'The number is busy.');
  assert.equal(dialFailureText('no_answer'), 'No answer.');
  assert.equal(dialFailureText('something new'), 'The call could not be placed.');
  assert.equal(stateLabel('on_call', 'dialling'), 'dialling');
  assert.equal(stateLabel('on_call', 'on call'), 'on call');
});
