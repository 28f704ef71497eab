/**
 * The operator page: signs in over the REST API, opens the agent WebSocket, and wires the
 * protocol client (protocol.js), the audio engine and the panels together. `?test=1` turns off
 * the browser's voice processing so the browser tests' tones pass through unchanged, and exposes
 * `window.__tawagTest` for the browser tests' network blip.
 *
 * A reload keeps the session cookie: `GET /api/me` says who is signed in and the page reconnects
 * at once; within the server's reconnect window it gets the call back (`state` + `connected`),
 * and the tab's CallMemory brings back the screen pop, the saved order and the typed form.
 */
import { AgentProtocol } from './protocol.js';
import { AudioEngine } from './audio-engine.js';
import { Ringer } from './ringer.js';
import { CallMemory } from './call-memory.js';
import { renderCallPanel } from './call-panel.js';
import { showFieldErrors } from './field-errors.js';
import { applyPop, clearOrder, fillOrder, readOrder } from './order-form.js';
import { bindShortcuts, renderShortcutList } from './shortcuts.js';
import { clock, dialable, stateLabel } from './format.js';
import { describe, grade } from './call-quality.js';
import { setOptions } from './order-options.js';
import { PreviewClient, cardLines } from './preview.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const testMode = params.get('test') === '1';
const audio = new AudioEngine({
  testMode,
  toneHz: Number(params.get('toneHz') ?? 1000),
  onStats: renderQuality,
});
const ringer = new Ringer(
  () => audio.context,
  (ringing) => audio.update({ ringing }),
);
const memory = new CallMemory(sessionStorageOrNull());
const CALL_STATES = new Set(['offered', 'on_call', 'wrap_up']);
let client = null;
let draftChecked = null;
let lastKept = null;
let lastConnection = null;
let lastPopCall = null;
let lastOrderShown = null;
/** The server's last `quality` report of the connected call, or null. */
let serverQuality = null;

renderShortcutList($('shortcut-list'));
buildKeypad();
$('login-form').addEventListener('submit', (e) => {
  e.preventDefault();
  signIn();
});
fetch('/api/me').then((r) => (r.ok ? r.json().then(enterConsole) : null), () => null);

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
  enterConsole(body);
}

function enterConsole(me) {
  if (client) return;
  $('login-view').hidden = true;
  $('console').hidden = false;
  $('state-box').hidden = false;
  $('agent-name').textContent = me.displayName ?? me.username;
  // The sign-in click is the user gesture that lets the AudioContext start. After a reload there
  // is none: a real browser keeps the context suspended until "Resume audio" is clicked.
  audio.start().catch((e) => showError(`microphone: ${e.message ?? e}`));
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/agent/v1`;
  const sockets = { opened: 0 };
  client = new AgentProtocol({
    connect: () => {
      sockets.opened++;
      return new WebSocket(url);
    },
  });
  if (testMode) {
    // The browser tests' network blip: the socket drops without a reload.
    globalThis.__tawagTest = { sockets, dropSocket: () => client.socket?.close(4000, 'test blip') };
  }
  client.on('change', render);
  client.on('audio', (buf) => audio.receive(buf));
  client.on('message', (m) => {
    if (m.type === 'quality') serverQuality = m;
    else if (m.type === 'orderSettings') showOrderSettings(m);
    else if (m.type === 'ended' || m.type === 'connected') serverQuality = null;
  });
  client.start();
  bindActions();
  loadCampaigns();
  setInterval(() => client && render(client.view), 1000);
}

function render(view) {
  const now = Date.now();
  $('connection').dataset.state = view.connection;
  $('connection').textContent = view.connection === 'open' ? 'connected' : view.connection;
  $('state-label').dataset.state = view.state;
  $('state-label').textContent = stateLabel(view.state, view.reason);
  $('state-time').textContent = view.since ? clock(now - view.since) : '';
  renderCallPanel(view, now);
  const callId = view.offer?.callId ?? view.call?.callId ?? view.wrapup?.callId ?? null;
  // Forget only once this socket's `state` says there is no call (`since` is set by it).
  if (view.connection === 'open' && view.since !== null && !CALL_STATES.has(view.state)) {
    memory.forget();
  }
  const kept = memory.recall(callId);
  // After a reload: the pop and saved order come back from the tab's memory; render runs again.
  if (kept && client.restore(callId, kept)) return;
  if (callId && view.pop && lastPopCall !== callId) {
    lastPopCall = callId;
    applyPop($('order-form'), view.pop);
  }
  if (!callId && lastPopCall) {
    lastPopCall = null;
    lastOrderShown = null;
    clearOrder($('order-form'));
    $('order-saved').textContent = '';
  }
  if (view.order && view.order !== lastOrderShown) {
    lastOrderShown = view.order;
    fillOrder($('order-form'), view.order);
    $('order-id').textContent = view.order.id;
    $('order-saved').textContent = 'saved';
  }
  if (!view.order) $('order-id').textContent = '';
  if (callId && draftChecked !== callId) {
    // Once per call and page: what was typed before a reload, over the pop and the saved order.
    draftChecked = callId;
    if (kept?.draft) fillOrder($('order-form'), kept.draft);
  }
  if (callId && (lastKept?.pop !== view.pop || lastKept?.order !== view.order)) {
    lastKept = { pop: view.pop, order: view.order };
    memory.keep(callId, lastKept);
  }
  showFieldErrors($('order-form'), view.errors.saveOrder);
  showFieldErrors($('wrapup-view'), view.errors.wrapup);
  $('call-view').querySelector('[data-for="dtmf"]').textContent = view.errors.dtmf?.digits ?? '';
  $('call-view').querySelector('[data-for="transfer"]').textContent =
    view.lastError?.code === 'transfer_refused' ? view.lastError.message : '';
  $('last-error').textContent =
    view.lastError && now - view.lastError.at < 8000 ? view.lastError.message ?? view.lastError.code : '';
  if (view.connection === 'open' && lastConnection !== 'open') audio.newStream();
  lastConnection = view.connection;
  // Only the call's own audio goes out: nothing from the microphone between calls, and a new
  // sequence for each socket.
  const talking = view.call && view.connection === 'open';
  audio.setSender(talking ? (frame) => client.sendAudio(frame) : null);
  ringer.set(Boolean(view.offer), (view.offer?.ringMs ?? 120_000) / 1000);
  showWhen();
}

/** The tab's sessionStorage, or null where the browser refuses it (some privacy settings). */
function sessionStorageOrNull() {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** The server's service types, refusal reasons and dispositions fill the form's lists. */
function showOrderSettings(m) {
  setOptions($('order-form').elements.serviceType, m.serviceTypes);
  setOptions($('refusal-reason'), m.refusalReasons);
  setOptions($('disposition'), m.dispositions);
  showWhen();
}

function renderQuality(s) {
  $('mic-level').style.width = `${Math.min(100, Math.round(s.level * 300))}%`;
  const server = serverQuality?.callId === client?.view.call?.callId ? serverQuality : null;
  const own = { jitterMs: s.jitterMs, lossPct: s.lossPct };
  $('quality').textContent = s.rxFrames ? `${describe(own, server)} · buffer ${s.depthMs} ms` : '';
  $('quality').dataset.grade = s.rxFrames ? grade(own, server) : '';
  $('resume-audio').hidden = s.contextState !== 'suspended';
}

function showError(text) {
  $('last-error').textContent = text;
}

const actions = {
  ready: () => client?.ready(),
  pause: () => client?.pause($('pause-reason').value),
  answer: () => client?.answer(),
  reject: () => client?.reject(),
  hangup: () => (client?.view.dial ? client.cancelDial() : client?.hangup()),
  dial: () => $('dial-number').focus(),
  mute: () => client?.mute(!client.view.call?.muted),
  hold: () => client?.hold(!client.view.call?.held),
  escalate: () => client?.escalate(),
  keypad: () => $('dtmf-input').focus(),
  transfer: () => $('transfer-to').focus(),
  order: () => $('order-form').elements.fullName.focus(),
  saveOrder: () => saveOrder(),
  wrapup: () => wrapUp(),
  logout: () => logOut(),
  nextContact: () => nextContact(),
  callContact: () => callContact(),
  skipContact: () => skipContact(),
};

function bindActions() {
  for (const name of ['ready', 'pause', 'answer', 'reject', 'hangup', 'mute', 'hold', 'escalate', 'logout']) {
    $(name).addEventListener('click', actions[name]);
  }
  $('resume-audio').addEventListener('click', () =>
    audio.resume().catch((e) => showError(`audio: ${e.message ?? e}`)));
  $('dtmf-send').addEventListener('click', sendDigits);
  $('dtmf-input').addEventListener('keydown', (e) => e.key === 'Enter' && sendDigits());
  $('dial-form').addEventListener('submit', (e) => {
    e.preventDefault();
    dialTyped();
  });
  $('cancel-dial').addEventListener('click', () => client?.cancelDial());
  $('screen-pop').addEventListener('click', (e) => {
    const b = e.target.closest('button.dial-button');
    if (b && !b.disabled) dialFromPop(b.dataset);
  });
  $('transfer').addEventListener('click', transfer);
  $('transfer-to').addEventListener('keydown', (e) => e.key === 'Enter' && transfer());
  $('order-form').addEventListener('input', () => {
    const callId = client?.currentCallId() ?? client?.view.offer?.callId;
    memory.keep(callId, { draft: readOrder($('order-form')) });
  });
  $('order-form').addEventListener('submit', (e) => {
    e.preventDefault();
    saveOrder();
  });
  $('wrapup-view').addEventListener('submit', (e) => {
    e.preventDefault();
    wrapUp();
  });
  $('disposition').addEventListener('change', showWhen);
  $('next-contact').addEventListener('click', nextContact);
  $('call-contact').addEventListener('click', callContact);
  $('skip-contact').addEventListener('click', skipContact);
  bindShortcuts(document, actions);
}

function buildKeypad() {
  const keys = '123456789*0#'.split('').map((d) => {
    const b = Object.assign(document.createElement('button'), { type: 'button', textContent: d });
    b.addEventListener('click', () => client?.dtmf(d));
    return b;
  });
  $('keypad-keys').replaceChildren(...keys);
}

function sendDigits() {
  const digits = $('dtmf-input').value.trim();
  if (digits && client?.dtmf(digits)) $('dtmf-input').value = '';
}

function dialTyped() {
  const number = dialable($('dial-number').value);
  const error = $('dial-form').querySelector('[data-for="number"]');
  if (!number) {
    error.textContent = 'Type a number: + and the country code, or digits only.';
    return;
  }
  error.textContent = '';
  if (client?.dial(number)) $('dial-number').value = '';
}

// ---- preview dialing: campaigns whose contacts the operator calls one by one ----

const preview = new PreviewClient((path, init) => fetch(path, init));
let previewCard = null;

/** Shows the campaign panel when the operator has running preview campaigns. */
async function loadCampaigns() {
  try {
    const campaigns = await preview.campaigns();
    $('preview-campaign').replaceChildren(
      ...campaigns.map((c) => Object.assign(document.createElement('option'), { value: c.id, textContent: c.name })));
    $('campaign-panel').hidden = campaigns.length === 0;
  } catch {
    $('campaign-panel').hidden = true;
  }
}

function showCard(card, note = '') {
  previewCard = card;
  $('preview-card').hidden = !card;
  $('preview-result').textContent = note;
  if (!card) return;
  $('preview-facts').replaceChildren(...cardLines(card).map((t) => Object.assign(document.createElement('li'), { textContent: t })));
  $('preview-script').textContent = card.campaign?.script ?? '';
}

async function nextContact() {
  const id = $('preview-campaign').value;
  if (!id) return;
  try {
    const card = await preview.next(id);
    showCard(card, card ? '' : 'No contact is due in this campaign now.');
    if (card) $('call-contact').focus();
  } catch (e) {
    showCard(null, e.message);
  }
}

async function callContact() {
  if (!previewCard) return;
  try {
    await preview.call(previewCard.contactId);
    showCard(null);
  } catch (e) {
    showCard(null, e.message);
  }
}

async function skipContact() {
  if (!previewCard) return;
  try {
    await preview.skip(previewCard.contactId);
    showCard(null, 'Skipped.');
  } catch (e) {
    showCard(null, e.message);
  }
}

/** Click-to-dial from the screen pop: the call is about that customer or order. */
function dialFromPop({ number, customerId, orderId }) {
  const n = dialable(number);
  if (!n || !client) return;
  $('dial-form').querySelector('[data-for="number"]').textContent = '';
  client.dial(n, {
    customerId: customerId ? Number(customerId) : undefined,
    orderId,
    pop: client.view.lastPop ?? client.view.pop,
  });
}

function transfer() {
  const to = $('transfer-to').value.trim();
  if (to) client?.transfer({ [$('transfer-kind').value]: to });
}

function saveOrder() {
  $('order-saved').textContent = '';
  client?.saveOrder(readOrder($('order-form'), client.view.order?.id));
}

function wrapUp() {
  const disposition = $('disposition').value;
  const d = { disposition };
  if (disposition === 'agreed' && client?.view.order) d.orderId = client.view.order.id;
  if (disposition === 'refused') d.reason = $('refusal-reason').value;
  if (disposition === 'callback' && $('callback-at').value) {
    d.callbackAt = new Date($('callback-at').value).toISOString();
  }
  client?.wrapUp(d);
}

/** Reason and call-back time appear only for the dispositions that need them. */
function showWhen() {
  for (const el of $('wrapup-view').querySelectorAll('[data-when]')) {
    el.hidden = el.dataset.when !== $('disposition').value;
  }
}

async function logOut() {
  client?.logout();
  client?.stop();
  await fetch('/api/logout', { method: 'POST' });
  location.reload();
}
