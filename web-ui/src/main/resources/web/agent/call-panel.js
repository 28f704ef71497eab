/**
 * Renders the call side of the page from the protocol's view: nothing, the ringing offer, the
 * connected call, or wrap-up; and the screen pop under it. Pure rendering: no sending.
 */
import { clock } from './format.js';

const $ = (id) => document.getElementById(id);

/** Shows the panel matching `view` and fills its fields; `now` drives the timers. */
export function renderCallPanel(view, now) {
  const mode = view.offer ? 'offer' : view.call ? 'call' : view.wrapup ? 'wrapup' : 'idle';
  $('idle-view').hidden = mode !== 'idle';
  $('offer-view').hidden = mode !== 'offer';
  $('call-view').hidden = mode !== 'call';
  $('wrapup-view').hidden = mode !== 'wrapup';
  // Which call is shown, for tests and for a person reading the page's HTML.
  $('call-panel').dataset.callId = view.offer?.callId ?? view.call?.callId ?? view.wrapup?.callId ?? '';
  $('idle-hint').textContent =
    view.state === 'available' ? 'Waiting for a call.' : 'Press Ready to take calls.';
  if (view.offer) {
    $('offer-caller').textContent = view.offer.caller ?? 'unknown number';
    $('offer-queue').textContent = view.offer.queue;
    $('offer-wait').textContent = clock((view.offer.waitedMs ?? 0) + (now - view.offer.at));
  }
  if (view.call) {
    $('call-caller').textContent = view.call.caller ?? 'unknown number';
    $('call-queue').textContent = view.call.queue;
    $('call-timer').textContent = clock(now - view.call.at);
    $('call-flags').textContent =
      [view.call.muted && 'muted', view.call.held && 'on hold'].filter(Boolean).join(', ');
    $('mute').textContent = view.call.muted ? 'Unmute ' : 'Mute ';
    $('hold').textContent = view.call.held ? 'Resume ' : 'Hold ';
    $('mute').append(kbd('Alt+M'));
    $('hold').append(kbd('Alt+H'));
  }
  if (view.wrapup) $('wrapup-timer').textContent = clock(now - view.wrapup.at);
  renderPop(mode === 'idle' ? null : view.pop);
}

function kbd(text) {
  return Object.assign(document.createElement('kbd'), { textContent: text });
}

function renderPop(pop) {
  $('screen-pop').hidden = !pop;
  if (!pop) return;
  $('pop-campaign').hidden = !pop.campaign;
  $('pop-campaign-name').textContent = pop.campaign?.name ?? '';
  $('pop-script').textContent = pop.campaign?.script ?? '';
  const c = pop.customer;
  $('pop-customer').textContent = c ? `${c.fullName} (${c.phone})` : `new customer ${pop.phone ?? ''}`;
  $('pop-orders').replaceChildren(
    ...(pop.openOrders ?? []).map((o) =>
      li(`${o.serviceType ?? ''} ${o.status ?? ''} ${o.visitDate ?? ''} ${o.amount ?? ''}`.trim())));
  $('pop-calls').replaceChildren(
    ...(pop.recentCalls ?? []).map((r) =>
      li(`${r.arrivedAt?.slice(0, 16).replace('T', ' ') ?? ''} ${r.queue ?? ''} ${r.disposition ?? r.outcome ?? ''}`)));
}

function li(text) {
  return Object.assign(document.createElement('li'), { textContent: text });
}
