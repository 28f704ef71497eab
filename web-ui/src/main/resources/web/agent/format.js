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
  const label = labels[state] ?? state;
  return reason && state === 'not_ready' ? `${label}: ${reason}` : label;
}
