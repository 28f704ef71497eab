/**
 * Renders the call side of the page from the protocol's view: nothing, the ringing offer, the
 * connected call, or wrap-up; and the screen pop under it. Pure rendering: no sending.
 */
import { clock, dialFailureText } from './format.js';

const $ = (id) => document.getElementById(id);

/** Shows the panel matching `view` and fills its fields; `now` drives the timers. */
export function renderCallPanel(view, now) {
  const mode = view.offer
    ? 'offer'
    : view.call
      ? 'call'
      : view.wrapup
        ? 'wrapup'
        : view.dial
          ? 'dial'
          : 'idle';
  $('idle-view').hidden = mode !== 'idle';
  $('dial-view').hidden = mode !== 'dial';
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
    $('call-flags').textContent = [
      view.call.muted && 'muted',
      view.call.held && 'on hold',
      view.call.escalated && 'supervisor asked',
    ]
      .filter(Boolean)
      .join(', ');
    $('mute').textContent = view.call.muted ? 'Unmute ' : 'Mute ';
    $('hold').textContent = view.call.held ? 'Resume ' : 'Hold ';
    $('mute').append(kbd('Alt+M'));
    $('hold').append(kbd('Alt+H'));
  }
  if (view.wrapup) $('wrapup-timer').textContent = clock(now - view.wrapup.at);
  if (view.dial) {
    $('dial-shown').textContent = view.dial.number;
    $('dial-timer').textContent = clock(now - view.dial.at);
  }
  const failure = view.dialFailure;
  $('dial-result').textContent = failure
    ? `${failure.number}: ${dialFailureText(failure.cause)}`
    : '';
  // The server's word on the last dial; app.js clears the line when a new dial starts.
  const refused =
    view.errors.dial?.number ?? (view.lastError?.code === 'dial_refused' ? view.lastError.message : null);
  if (refused) $('dial-form').querySelector('[data-for="number"]').textContent = refused;
  const canDial = mode === 'idle' && (view.state === 'available' || view.state === 'not_ready');
  $('dial').disabled = !canDial;
  // After a call is filed its pop stays on screen, so the operator can call the customer back.
  renderPop(mode === 'idle' ? view.lastPop : mode === 'dial' ? view.dial.pop : view.pop, canDial);
}

function kbd(text) {
  return Object.assign(document.createElement('kbd'), { textContent: text });
}

function renderPop(pop, canDial) {
  $('screen-pop').hidden = !pop;
  if (!pop) return;
  $('pop-campaign').hidden = !pop.campaign;
  $('pop-campaign-name').textContent = pop.campaign?.name ?? '';
  $('pop-script').textContent = pop.campaign?.script ?? '';
  const c = pop.customer;
  const phone = c?.phone ?? pop.phone;
  $('pop-customer').replaceChildren(
    c ? `${c.fullName} (${c.phone}) ` : `new customer ${pop.phone ?? ''} `,
    ...(phone ? [dialButton(phone, { customerId: c?.id }, canDial)] : []));
  $('pop-orders').replaceChildren(
    ...(pop.openOrders ?? []).map((o) => {
      const item = li(`${o.id ?? ''} ${o.serviceType ?? ''} ${o.status ?? ''} ${o.visitDate ?? ''} ${o.amount ?? ''} `.trim());
      const number = o.phone ?? phone;
      if (number) {
        item.append(' ', dialButton(number, { customerId: o.customerId ?? c?.id, orderId: o.id }, canDial));
      }
      return item;
    }));
  $('pop-calls').replaceChildren(
    ...(pop.recentCalls ?? []).map((r) =>
      li(`${r.arrivedAt?.slice(0, 16).replace('T', ' ') ?? ''} ${r.queue ?? ''} ${r.disposition ?? r.outcome ?? ''}`)));
}

/** A click-to-dial button; app.js dials from its data attributes. */
function dialButton(number, { customerId, orderId }, enabled) {
  const b = Object.assign(document.createElement('button'), {
    type: 'button',
    className: 'dial-button',
    textContent: 'Call',
    title: `Call ${number}`,
    disabled: !enabled,
  });
  b.dataset.number = number;
  if (customerId != null) b.dataset.customerId = String(customerId);
  if (orderId != null) b.dataset.orderId = orderId;
  return b;
}

function li(text) {
  return Object.assign(document.createElement('li'), { textContent: text });
}
