/**
 * What the page knows about the current call that the server does not send again after a
 * reconnect: the screen pop, the last saved order, and the order form as typed so far. Kept in
 * the tab's sessionStorage, which survives a reload, for one call at a time; storage that fails
 * (full, disabled) only means nothing comes back.
 */

const KEY = 'tawag.call';

export class CallMemory {
  /** @param {{getItem: Function, setItem: Function, removeItem: Function}|null} storage */
  constructor(storage) {
    this.storage = storage;
  }

  /** What was kept for `callId` ({callId, pop?, order?, draft?}), or null. */
  recall(callId) {
    if (!callId) return null;
    try {
      const kept = JSON.parse(this.storage?.getItem(KEY) ?? 'null');
      return kept?.callId === callId ? kept : null;
    } catch {
      return null;
    }
  }

  /** Adds `fields` to what is kept for `callId`; another call's memory is dropped. */
  keep(callId, fields) {
    if (!callId) return;
    const kept = { ...(this.recall(callId) ?? {}), ...fields, callId };
    try {
      this.storage?.setItem(KEY, JSON.stringify(kept));
    } catch {
      // full or disabled storage: a reload then starts with an empty form, as before
    }
  }

  /** The call is over and filed: nothing to bring back. */
  forget() {
    try {
      this.storage?.removeItem(KEY);
    } catch {
      // as in keep()
    }
  }
}
