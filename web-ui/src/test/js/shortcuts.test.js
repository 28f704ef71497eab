import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bindShortcuts, SHORTCUTS } from '../../main/resources/web/agent/shortcuts.js';

/** An EventTarget that records prevented defaults. */
function press(target, init) {
  const e = { preventDefault() { this.prevented = true; }, prevented: false, ...init };
  target.listener(e);
  return e;
}

function target() {
  return { addEventListener(type, fn) { this.listener = fn; } };
}

test('every shortcut has its own key', () => {
  const keys = SHORTCUTS.map(([k]) => k);
  assert.equal(new Set(keys).size, keys.length);
});

test('Alt+key runs the action and keeps the key from the page', () => {
  const t = target();
  const ran = [];
  bindShortcuts(t, { answer: () => ran.push('answer'), hangup: () => ran.push('hangup') });
  assert.equal(press(t, { altKey: true, key: 'a' }).prevented, true);
  press(t, { altKey: true, key: 'E' });
  assert.deepEqual(ran, ['answer', 'hangup']);
});

test('keys without Alt are typing, not actions', () => {
  const t = target();
  const ran = [];
  bindShortcuts(t, { answer: () => ran.push('answer') });
  assert.equal(press(t, { altKey: false, key: 'a' }).prevented, false);
  press(t, { altKey: true, ctrlKey: true, key: 'a' });
  assert.deepEqual(ran, []);
});

test('the key code counts when Alt changes the character (macOS Option)', () => {
  const t = target();
  const ran = [];
  bindShortcuts(t, { ready: () => ran.push('ready') });
  press(t, { altKey: true, key: '®', code: 'KeyR' });
  assert.deepEqual(ran, ['ready']);
});
