/** Display formats shared by the operator's panels. */

/** "m:ss" (or "h:mm:ss") for a duration in milliseconds. */
export function clock(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Human label of an agent state code. */
export function stateLabel(state, reason) {
  const labels = {
    offline: 'offline', available: 'ready', offered: 'ringing', on_call: 'on call',
    wrap_up: 'wrap-up', not_ready: 'paused',
  };
  if (state === 'on_call' && reason === 'dialling') return 'dialling';
  const label = labels[state] ?? state;
  return reason && state === 'not_ready' ? `${label}: ${reason}` : label;
}

/** Why a dial was not answered, in plain words, for a `dialFailed` cause. */
export function dialFailureText(cause) {
  const texts = {
    busy: 'The number is busy.',
    no_answer: 'No answer.',
    not_found: 'That number does not exist.',
    declined: 'The call was declined.',
    cancelled: 'Cancelled.',
    congestion: 'All lines are busy right now; try again in a moment.',
    unreachable: 'The phone line did not respond; tell your supervisor.',
    auth_failed: 'The phone line refused the server; tell your supervisor.',
    no_common_codec: 'The other side could not agree on audio; tell your supervisor.',
  };
  return texts[cause] ?? 'The call could not be placed.';
}

/**
 * The number as the server takes it (E.164 or dial-pad keys): spaces, dashes, dots and brackets
 * that people type are dropped; null when what is left is not a number.
 */
export function dialable(text) {
  const n = String(text ?? '').replace(/[\s\-.()/]/g, '');
  return /^\+[1-9][0-9]{1,14}$/.test(n) || /^[0-9*#]{1,32}$/.test(n) ? n : null;
}
