/**
 * The supervisor wallboard: signs in, opens /supervisor/v1, renders each `wallboard` snapshot
 * (queues, operators, the last hour's waiting calls) and sends the actions. On a supervised call
 * the page plays the caller and the operator mixed by the server and, while whispering or barging,
 * sends the microphone, both through the operator page's AudioEngine (capture and playback
 * worklets). An operator who escalates gets a flagged row and a short two-note cue.
 *
 * Publishes `window.__tawagAudio` for tests: rxFrames, rxToneFrames (frames carrying `toneHz`,
 * 1000 Hz unless ?toneHz= says otherwise), tones (frames carrying each of ?tones=a,b,... as part
 * of a mix), txFrames (microphone frames sent), cues (escalation cues played), contextState.
 */
import { AudioEngine } from './agent/audio-engine.js';
import { decodeFrame } from './shared/frames.js';
import { decodeFloat } from './shared/g711.js';
import { hasToneShare } from './shared/goertzel.js';
import { chartPoints, formatDuration, formatPercent, stateLabel } from './shared/wallboard-view.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const toneHz = Number(params.get('toneHz') ?? 1000);
const mixTones = (params.get('tones') ?? '').split(',').filter(Boolean).map(Number);
const audioStats = {
  rxFrames: 0,
  rxToneFrames: 0,
  toneHz,
  tones: Object.fromEntries(mixTones.map((hz) => [hz, 0])),
  txFrames: 0,
  cues: 0,
  contextState: 'none',
};
globalThis.__tawagAudio = audioStats;

let ws = null;
let engine = null;
let listeningTo = null;
let mode = null;
let lastBoard = null;
let escalated = new Set();
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
  else if (m.type === 'listening') showListening(m);
  else if (m.type === 'error') $('last-error').textContent = `${m.request ?? ''} ${m.message}`;
}

function render(board) {
  lastBoard = board;
  const now = new Set(board.agents.filter((a) => a.escalated).map((a) => a.agent));
  if ([...now].some((a) => !escalated.has(a))) cue();
  escalated = now;
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
  tr.dataset.escalated = String(Boolean(a.escalated));
  if (a.escalated) {
    tr.classList.add('escalated');
    tr.cells[1].textContent += ' - asks for help';
  }
  const actions = tr.lastChild;
  actions.append(
    button('Ready', 'ready', () => send({ type: 'setState', agent: a.agent, state: 'ready' })),
    button('Pause', 'pause', () =>
      send({ type: 'setState', agent: a.agent, state: 'pause', reason: 'supervisor' }),
    ),
    button('Log out', 'logout', () => send({ type: 'logout', agent: a.agent })),
  );
  if (a.currentCall) {
    actions.append(
      button('Listen', 'listen', () => supervise('listen', a.currentCall)),
      button('Whisper', 'whisper', () => supervise('whisper', a.currentCall)),
      button('Barge', 'barge', () => supervise('barge', a.currentCall)),
    );
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

/** Starts or switches supervision of `callId`: listen, whisper or barge. */
async function supervise(action, callId) {
  // The click is the user gesture that lets the AudioContext start and the microphone open.
  if (!engine) {
    // ?test=1 turns off the microphone's noise suppression, which would remove a test tone.
    engine = new AudioEngine({ toneHz, testMode: params.get('test') === '1' });
    globalThis.__tawagAudio = audioStats;
    try {
      await engine.start();
    } catch (e) {
      // No microphone (or refused): listening still works through a plain player; whisper and
      // barge then have nothing to send.
      $('last-error').textContent = `microphone: ${e.message ?? e}; listening only`;
    }
    audioStats.contextState = engine.context?.state ?? 'none';
  } else {
    engine.resume();
  }
  send({ type: action, callId });
}

/** Plays two short notes: an operator asks for help. */
function cue() {
  audioStats.cues++;
  const c = engine?.context ?? (cue.context ??= new AudioContext());
  const at = c.currentTime;
  [880, 660].forEach((hz, i) => {
    const o = c.createOscillator();
    const g = c.createGain();
    o.frequency.value = hz;
    g.gain.value = 0.15;
    o.connect(g).connect(c.destination);
    o.start(at + i * 0.2);
    o.stop(at + i * 0.2 + 0.15);
  });
}

const MODE_LABELS = { listen: 'listening to', whisper: 'whispering on', barge: 'barged in on' };

function showListening(m) {
  listeningTo = m.callId ?? null;
  mode = listeningTo ? m.mode : null;
  const ended = !listeningTo && m.reason === 'ended';
  $('listening').hidden = !listeningTo && !ended;
  $('stop-listen').hidden = !listeningTo;
  $('listening').dataset.mode = mode ?? (ended ? 'ended' : '');
  $('listening').textContent = listeningTo ? `${MODE_LABELS[mode]} ${listeningTo}` : 'call ended';
  // The microphone goes to the server only while the supervisor may be heard.
  engine?.setSender(
    mode === 'whisper' || mode === 'barge'
      ? (frame) => {
          if (ws?.readyState !== WebSocket.OPEN) return;
          ws.send(frame);
          audioStats.txFrames++;
        }
      : null,
  );
  if (lastBoard) render(lastBoard);
}

function onAudio(buf) {
  const f = decodeFrame(buf);
  if (f.error || !listeningTo) return;
  decodeFloat(f.payloadType, f.payload, decoded);
  audioStats.rxFrames++;
  // A share, not most of the energy: the server sends the caller and the operator mixed.
  if (hasToneShare(decoded, toneHz, 8000, 0.2)) audioStats.rxToneFrames++;
  for (const hz of mixTones) {
    if (hasToneShare(decoded, hz, 8000, 0.2)) audioStats.tones[hz]++;
  }
  if (engine?.playback) engine.receive(buf);
  else playPlain(decoded);
}

let plainPlayAt = 0;

/** Plays one decoded frame without the worklets (the engine could not start). */
function playPlain(samples) {
  const c = engine?.context;
  if (!c || c.state === 'closed') return;
  const b = c.createBuffer(1, samples.length, 8000);
  b.copyToChannel(samples, 0);
  const src = c.createBufferSource();
  src.buffer = b;
  src.connect(c.destination);
  // 60 ms ahead absorbs TCP bursts; a late frame restarts the schedule rather than piling delay.
  const now = c.currentTime;
  if (plainPlayAt < now || plainPlayAt > now + 0.2) plainPlayAt = now + 0.06;
  src.start(plainPlayAt);
  plainPlayAt += samples.length / 8000;
}
