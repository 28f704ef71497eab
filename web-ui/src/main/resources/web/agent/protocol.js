/**
 * Client side of the agent WebSocket protocol v1 (docs/agent-protocol.md) as a state machine over
 * an injected socket: it keeps what the operator's page shows (connection, agent state, the
 * ringing offer with its screen pop, the connected call, wrap-up, errors by field) and sends the
 * control messages. It never touches the DOM, so `node --test` drives it with a fake socket and
 * fake timers.
 *
 * Reconnects with exponential backoff when the socket drops (not after `stop()` nor after
 * `replaced`); the server rebuilds the call after a reconnect (`state` + `connected`).
 */

/** Close code the server uses when another socket of the same operator took over. */
export const CLOSE_REPLACED = 4001;

const REQUESTS_WITH_ERRORS = new Set(['saveOrder', 'wrapup', 'transfer', 'pause', 'dtmf', 'dial']);

/** A fresh view of nothing known yet. */
export function initialView() {
  return {
    connection: 'idle', // idle | connecting | open | reconnecting | replaced | stopped
    attempts: 0,
    agent: null,
    audio: null,
    state: 'offline',
    reason: null,
    since: null,
    offer: null, // {callId, caller, queue, waitedMs, ringMs, at}
    pop: null, // screen pop of the offer or call, null when unknown
    call: null, // {callId, caller, queue, at, held, muted}
    wrapup: null, // {callId, at}
    dial: null, // the operator's own call while it rings: {callId (once known), number, at, pop}
    dialFailure: null, // why the last dial was not answered: {number, cause, at}
    lastPop: null, // screen pop of the last call, kept after it is filed for click-to-dial
    order: null, // last saved order of the call
    errors: {}, // by request type: {saveOrder: {field: message}, wrapup: {...}}
    lastError: null,
  };
}

export class AgentProtocol {
  /**
   * @param {{connect: () => any, timers?: {setTimeout: Function, clearTimeout: Function},
   *     now?: () => number, backoff?: {initialMs?: number, maxMs?: number}}} deps `connect`
   *     returns a new WebSocket-like object (send, close, onopen, onmessage, onclose)
   */
  constructor({ connect, timers = globalThis, now = () => Date.now(), backoff = {} }) {
    this.connect = connect;
    this.timers = timers;
    this.now = now;
    this.initialMs = backoff.initialMs ?? 500;
    this.maxMs = backoff.maxMs ?? 10_000;
    this.view = initialView();
    this.listeners = new Map();
    this.socket = null;
    this.retry = null;
    this.lastRequest = null;
  }

  /** Registers `fn` for `event`: change (view), audio (ArrayBuffer), message (raw JSON), error. */
  on(event, fn) {
    if (!this.listeners.has(event)) this.listeners.set(event, []);
    this.listeners.get(event).push(fn);
    return this;
  }

  emit(event, value) {
    for (const fn of this.listeners.get(event) ?? []) fn(value);
  }

  changed() {
    this.emit('change', this.view);
  }

  /** Opens the socket (again). */
  start() {
    this.view.connection = this.view.attempts > 0 ? 'reconnecting' : 'connecting';
    this.changed();
    const ws = this.connect();
    this.socket = ws;
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => {};
    ws.onmessage = (e) => this.receive(e.data);
    ws.onclose = (e) => this.closed(ws, e);
  }

  /** Closes for good: no reconnect. */
  stop() {
    this.view.connection = 'stopped';
    if (this.retry !== null) this.timers.clearTimeout(this.retry);
    this.retry = null;
    const ws = this.socket;
    this.socket = null;
    if (ws) ws.close(1000, 'bye');
    this.changed();
  }

  closed(ws, event) {
    if (ws !== this.socket) return;
    this.socket = null;
    if (this.view.connection === 'stopped') return;
    if (event?.code === CLOSE_REPLACED || this.view.connection === 'replaced') {
      this.view.connection = 'replaced';
      this.changed();
      return;
    }
    const delay = Math.min(this.maxMs, this.initialMs * 2 ** this.view.attempts);
    this.view.attempts++;
    this.view.connection = 'reconnecting';
    this.changed();
    this.retry = this.timers.setTimeout(() => {
      this.retry = null;
      this.start();
    }, delay);
  }

  receive(data) {
    if (typeof data !== 'string') {
      this.emit('audio', data);
      return;
    }
    let msg;
    try {
      msg = JSON.parse(data);
    } catch {
      return; // a server bug, not the operator's problem; nothing to show
    }
    this.emit('message', msg);
    const handler = HANDLERS[msg.type];
    if (handler) {
      handler(this.view, msg, this.now(), this);
      this.changed();
    }
  }

  /** Sends a control message; returns false when the socket is not open. */
  send(type, fields = {}) {
    const ws = this.socket;
    if (!ws || this.view.connection !== 'open') return false;
    if (REQUESTS_WITH_ERRORS.has(type)) {
      this.lastRequest = type;
      this.view.errors[type] = {};
    }
    ws.send(JSON.stringify({ type, ...fields }));
    return true;
  }

  /** Sends one binary audio frame when open. */
  sendAudio(frame) {
    if (this.socket && this.view.connection === 'open') this.socket.send(frame);
  }

  ready() {
    return this.send('ready');
  }
  pause(reason) {
    return this.send('pause', { reason });
  }
  logout() {
    return this.send('logout');
  }
  answer() {
    return this.view.offer ? this.send('answer', { callId: this.view.offer.callId }) : false;
  }
  reject() {
    return this.view.offer ? this.send('reject', { callId: this.view.offer.callId }) : false;
  }
  hangup() {
    return this.onCall('hangup');
  }
  hold(on) {
    if (!this.view.call) return false;
    this.view.call.held = on;
    this.changed();
    return this.onCall(on ? 'hold' : 'resume');
  }
  mute(on) {
    if (!this.view.call) return false;
    this.view.call.muted = on;
    this.changed();
    return this.onCall('mute', { on });
  }
  /** Asks a supervisor for help on the connected call: the wallboards flag this operator. */
  escalate() {
    if (!this.view.call) return false;
    this.view.call.escalated = true;
    this.changed();
    return this.onCall('escalate');
  }
  dtmf(digits) {
    return this.onCall('dtmf', { digits });
  }
  /** @param {{queue: string}|{number: string}} to */
  transfer(to) {
    return this.onCall('transfer', { to });
  }
  /**
   * Dials `number` (E.164 or digits, as the server checks); `customerId` and `orderId` say what the
   * call is about, and `pop` (the screen pop it was clicked from) is shown again once connected.
   */
  dial(number, { customerId, orderId, pop = null } = {}) {
    const fields = { number };
    if (customerId != null) fields.customerId = customerId;
    if (orderId != null) fields.orderId = orderId;
    if (!this.send('dial', fields)) return false;
    this.view.dial = { callId: null, number, at: this.now(), pop };
    this.view.dialFailure = null;
    this.changed();
    return true;
  }
  /** Gives up on the ringing dial; the server answers `dialFailed` with cause `cancelled`. */
  cancelDial() {
    return this.view.dial ? this.send('cancelDial') : false;
  }
  saveOrder(order) {
    const callId = this.currentCallId();
    return callId ? this.send('saveOrder', { callId, order }) : false;
  }
  /** @param {{disposition:string, reason?:string, callbackAt?:string, orderId?:string}} d */
  wrapUp(d) {
    const callId = this.currentCallId();
    return callId ? this.send('wrapup', { callId, ...d }) : false;
  }

  onCall(type, fields = {}) {
    return this.view.call ? this.send(type, { callId: this.view.call.callId, ...fields }) : false;
  }

  /**
   * Puts back what the page kept of call `callId` across a reload (its screen pop and last saved
   * order), which the server does not send again; only into an empty view of that same call.
   * Returns whether the view changed (then `change` was emitted).
   */
  restore(callId, { pop = null, order = null } = {}) {
    if (!callId || this.currentCallId() !== callId) return false;
    let changed = false;
    if (pop && !this.view.pop) {
      this.view.pop = pop;
      changed = true;
    }
    if (order && !this.view.order) {
      this.view.order = order;
      changed = true;
    }
    if (changed) this.changed();
    return changed;
  }

  /** The connected call, or the call in wrap-up. */
  currentCallId() {
    return this.view.call?.callId ?? this.view.wrapup?.callId ?? null;
  }
}

const HANDLERS = {
  welcome(view, msg) {
    view.connection = 'open';
    view.attempts = 0;
    view.agent = msg.agent;
    view.audio = msg.audio;
  },
  state(view, msg, now) {
    // A state change means the last request went through: its error no longer applies.
    if (msg.state !== view.state) view.lastError = null;
    view.state = msg.state;
    view.reason = msg.reason ?? null;
    view.since = msg.since ? Date.parse(msg.since) : now;
    if (msg.state !== 'offered') view.offer = null;
    if (msg.state !== 'on_call') view.call = null;
    if (msg.state !== 'wrap_up') view.wrapup = null;
    if (msg.state === 'available' || msg.state === 'not_ready' || msg.state === 'offline') {
      view.dial = null;
      // A call is over and filed: the next one starts with a clean form.
      if (!view.call && !view.wrapup && !view.offer) {
        if (view.pop) view.lastPop = view.pop;
        view.pop = null;
        view.order = null;
        view.errors = {};
      }
    }
  },
  offer(view, msg, now) {
    view.offer = { ...pick(msg, 'callId', 'caller', 'queue', 'waitedMs', 'ringMs'), at: now };
    view.pop = null;
    view.order = null;
    view.errors = {};
    view.dialFailure = null;
  },
  dialing(view, msg, now) {
    const mine = view.dial && view.dial.number === msg.number;
    view.dial = { callId: msg.callId, number: msg.number, at: mine ? view.dial.at : now,
      pop: mine ? view.dial.pop : null };
  },
  dialFailed(view, msg, now) {
    view.dial = null;
    view.dialFailure = { number: msg.number, cause: msg.cause, at: now };
  },
  screenPop(view, msg) {
    if (view.offer?.callId !== msg.callId && view.call?.callId !== msg.callId) return;
    // A campaign's call brings its script along: it belongs with the customer's card.
    view.pop = msg.campaign ? { ...(msg.pop ?? {}), campaign: msg.campaign } : msg.pop;
  },
  offerCancelled(view, msg) {
    if (view.offer?.callId === msg.callId) {
      view.offer = null;
      view.pop = null;
    }
  },
  connected(view, msg, now) {
    const same = view.call?.callId === msg.callId;
    // After a reload the page knows the call only from here: the on_call state's `since` is
    // when it started, so the call timer goes on instead of starting again.
    const started = view.state === 'on_call' && view.since ? Math.min(view.since, now) : now;
    view.call = {
      ...pick(msg, 'callId', 'caller', 'queue'),
      at: same ? view.call.at : started,
      held: same ? view.call.held : false,
      muted: same ? view.call.muted : false,
    };
    if (view.dial && view.dial.callId === msg.callId) {
      // The operator's own call: the screen pop it was dialled from, and a fresh order form.
      view.pop = view.dial.pop;
      view.order = null;
      view.errors = {};
    }
    view.dial = null;
    view.offer = null;
    view.wrapup = null;
  },
  ended(view, msg, now) {
    if (view.call?.callId === msg.callId) view.call = null;
    view.wrapup = { callId: msg.callId, by: msg.by, at: now };
  },
  orderSaved(view, msg) {
    view.order = msg.order;
    view.errors.saveOrder = {};
    view.lastError = null;
  },
  error(view, msg, now, client) {
    view.lastError = { code: msg.code, message: msg.message, field: msg.field ?? null, at: now };
    // The server names the request that failed; older servers do not, so fall back to the last.
    const request = msg.request ?? client.lastRequest;
    if (!request) return;
    if (request === 'dial' && (msg.code === 'dial_refused' || msg.field)) view.dial = null;
    if (msg.code === 'invalid' && msg.errors) view.errors[request] = { ...msg.errors };
    else if (msg.field) view.errors[request] = { [msg.field]: msg.message };
  },
  replaced(view) {
    view.connection = 'replaced';
  },
};

function pick(obj, ...keys) {
  const out = {};
  for (const k of keys) out[k] = obj[k];
  return out;
}
