import { test } from 'node:test';
import assert from 'node:assert/strict';
import { label, setOptions } from '../../main/resources/web/agent/order-options.js';

/** Just enough of a <select> and its document for setOptions. */
function fakeSelect(value) {
  const select = {
    value,
    options: [],
    ownerDocument: { createElement: () => ({}) },
    replaceChildren(...options) {
      this.options = options;
      // A browser selects the first option of a new list.
      this.value = options[0]?.value ?? '';
    },
  };
  return select;
}

test('codes read as words, with a few clearer labels', () => {
  assert.equal(label('too_expensive'), 'too expensive');
  assert.equal(label('agreed'), 'agreed (needs the order)');
  assert.equal(label('tv'), 'tv');
});

test('the options follow the server order and keep a choice still offered', () => {
  const s = fakeSelect('repair');
  setOptions(s, ['internet', 'repair']);
  assert.deepEqual(
    s.options.map((o) => [o.value, o.textContent]),
    [
      ['internet', 'internet'],
      ['repair', 'repair'],
    ],
  );
  assert.equal(s.value, 'repair');
  setOptions(s, ['tv']);
  assert.equal(s.value, 'tv');
});
