/**
 * Keyboard shortcuts: every action has one, on Alt so that typing in the order form never fires
 * an action. The same table renders the list shown on the page.
 */

/** [key, label, action name] */
export const SHORTCUTS = [
  ['r', 'Ready', 'ready'],
  ['p', 'Pause with the chosen reason', 'pause'],
  ['a', 'Answer the ringing call', 'answer'],
  ['x', 'Reject the ringing call', 'reject'],
  ['d', 'Dial: type a number, Enter dials', 'dial'],
  ['n', 'Next contact of the chosen campaign', 'nextContact'],
  ['g', 'Call the campaign contact shown', 'callContact'],
  ['j', 'Skip the campaign contact shown', 'skipContact'],
  ['e', 'End (hang up) the call, or cancel a dial', 'hangup'],
  ['m', 'Mute / unmute', 'mute'],
  ['h', 'Hold / resume', 'hold'],
  ['u', 'Ask a supervisor for help', 'escalate'],
  ['k', 'Keypad: type digits, Enter sends', 'keypad'],
  ['t', 'Transfer: type a queue or number, Enter transfers', 'transfer'],
  ['o', 'Go to the order form', 'order'],
  ['s', 'Save the order', 'saveOrder'],
  ['w', 'File the wrap-up', 'wrapup'],
  ['l', 'Log out', 'logout'],
];

/** Calls `actions[name]()` for Alt+key presses; returns the listener to remove later. */
export function bindShortcuts(target, actions) {
  const byKey = new Map(SHORTCUTS.map(([key, , name]) => [key, name]));
  const listener = (e) => {
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    const name = byKey.get(e.key.toLowerCase()) ?? byKey.get(e.code?.replace('Key', '').toLowerCase());
    if (!name || !actions[name]) return;
    e.preventDefault();
    actions[name]();
  };
  target.addEventListener('keydown', listener);
  return listener;
}

/** Renders the list into a `<dl>`. */
export function renderShortcutList(dl) {
  dl.replaceChildren(
    ...SHORTCUTS.flatMap(([key, label]) => [
      Object.assign(document.createElement('dt'), { textContent: `Alt+${key.toUpperCase()}` }),
      Object.assign(document.createElement('dd'), { textContent: label }),
    ]));
}
