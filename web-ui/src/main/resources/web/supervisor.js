/**
 * The supervisor wallboard: signs in, opens /supervisor/v1, renders each `wallboard` snapshot
 * (queues, operators, the last hour's waiting calls) and sends the actions. Listening plays the
 * caller's side of a call: each 20 ms G.711 frame is decoded and scheduled as an 8 kHz buffer, a
 * simpler path than the operator page's worklets since nothing is captured here.
 *
 * Publishes `window.__tawagAudio` for tests: rxFrames, rxToneFrames (frames carrying `toneHz`,
 * 1000 Hz unless ?toneHz= says otherwise), contextState.
 */
import { decodeFrame } from './shared/frames.js';
import { decodeFloat } from './shared/g711.js';
import { hasTone } from './shared/goertzel.js';
import { chartPoints, formatDuration, formatPercent, stateLabel } from './shared/wallboard-view.js';

const $ = (id) => document.getElementById(id);
const toneHz = Number(new URLSearchParams(location.search).get('toneHz') ?? 1000);
const audioStats = { rxFrames: 0, rxToneFrames: 0, toneHz, contextState: 'none' };
globalThis.__tawagAudio = audioStats;

let ws = null;
let ctx = null;
let playAt = 0;
let listeningTo = null;
let lastBoard = null;
const decoded = new Float32Array(160);

$('login-view').addEventListener('submit', (e) => {
  e.preventDefault();
  signIn();
});
$('stop-listen').addEventListener('click', () => send({ type: 'stopListen' }));
fetch('/api/me').then((r) => (r.ok ? r.json().then(enter) : null), () => null);

async function signIn() {
  $('login-error').textContent = '';
  const res = await fetch('/api/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: $('username').value, password: $('password').value }),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    $('login-error').textContent = body.error ?? `sign-in failed (${res.status})`;
    return;
  }
  $('password').value = '';
  enter(body);
}

function enter(me) {
  $('login-view').hidden = true;
  $('board').hidden = false;
  $('who').textContent = me.displayName ?? me.username;
  connect();
}

function connect() {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/supervisor/v1`;
  ws = new WebSocket(url);
  ws.binaryType = 'arraybuffer';
  $('connection').textContent = 'connecting';
  ws.onopen = () => ($('connection').textContent = 'connected');
  ws.onclose = () => {
    $('connection').textContent = 'offline';
    setTimeout(connect, 2000);
  };
  ws.onmessage = (e) => (typeof e.data === 'string' ? onText(JSON.parse(e.data)) : onAudio(e.data));
}

function send(message) {
  if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
}

function onText(m) {
  if (m.type === 'wallboard') render(m);
  else if (m.type === 'listening') showListening(m.callId);
  else if (m.type === 'error') $('last-error').textContent = m.message;
}

function render(board) {
  lastBoard = board;
  $('queues').tBodies[0].replaceChildren(
    ...board.queues.map((q) =>
      row(
        { text: q.name },
        { text: q.waiting, num: true, cls: 'waiting' },
        { text: formatDuration(q.longestWaitMs), num: true },
        { text: formatPercent(q.serviceLevel), num: true },
        { text: q.answered, num: true },
        { text: q.abandoned, num: true },
        { text: formatDuration(q.asaMs), num: true },
        { text: formatDuration(q.ahtMs), num: true },
      ),
    ),
  );
  $('agents').tBodies[0].replaceChildren(...board.agents.map(agentRow));
  const { points, max } = chartPoints(board.history.points, board.at, 600, 110);
  $('chart-line').setAttribute('points', points);
  $('chart-max').textContent = `max ${max}`;
}

function agentRow(a) {
  const tr = row(
    { text: a.agent },
    { text: stateLabel(a.state) + (a.state === 'not_ready' ? ` (${a.reason})` : ''), cls: 'state' },
    { text: formatDuration(a.inStateMs), num: true },
    { text: a.currentCall ?? '' },
    { text: a.handledToday, num: true },
    { text: '' },
  );
  tr.dataset.agent = a.agent;
  tr.dataset.state = a.state;
  const actions = tr.lastChild;
  actions.append(
    button('Ready', 'ready', () => send({ type: 'setState', agent: a.agent, state: 'ready' })),
    button('Pause', 'pause', () =>
      send({ type: 'setState', agent: a.agent, state: 'pause', reason: 'supervisor' }),
    ),
    button('Log out', 'logout', () => send({ type: 'logout', agent: a.agent })),
  );
  if (a.currentCall) {
    actions.append(button('Listen', 'listen', () => listen(a.currentCall)));
  }
  return tr;
}

function row(...cells) {
  const tr = document.createElement('tr');
  for (const c of cells) {
    const td = document.createElement('td');
    td.textContent = String(c.text);
    if (c.num) td.classList.add('num');
    if (c.cls) td.classList.add(c.cls);
    tr.append(td);
  }
  return tr;
}

function button(label, action, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.dataset.action = action;
  b.addEventListener('click', onClick);
  return b;
}

function listen(callId) {
  // The click is the user gesture that lets the AudioContext start.
  if (!ctx) ctx = new AudioContext();
  ctx.resume().then(() => (audioStats.contextState = ctx.state));
  audioStats.contextState = ctx.state;
  send({ type: 'listen', callId });
}

function showListening(callId) {
  listeningTo = callId;
  $('listening').hidden = !callId;
  $('stop-listen').hidden = !callId;
  $('listening').textContent = callId ? `listening to ${callId}` : '';
  if (lastBoard) render(lastBoard);
}

function onAudio(buf) {
  const f = decodeFrame(buf);
  if (f.error || !listeningTo) return;
  decodeFloat(f.payloadType, f.payload, decoded);
  audioStats.rxFrames++;
  if (hasTone(decoded, toneHz, 8000)) audioStats.rxToneFrames++;
  if (!ctx) return;
  const b = ctx.createBuffer(1, 160, 8000);
  b.copyToChannel(decoded, 0);
  const src = ctx.createBufferSource();
  src.buffer = b;
  src.connect(ctx.destination);
  // 60 ms ahead absorbs TCP bursts; a late frame restarts the schedule rather than piling delay.
  const now = ctx.currentTime;
  if (playAt < now || playAt > now + 0.2) playAt = now + 0.06;
  src.start(playAt);
  playAt += 0.02;
}
