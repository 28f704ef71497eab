import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillOrder, readOrder } from '../../main/resources/web/agent/order-form.js';

/** Just enough of an HTMLFormElement: `elements[name].value`. */
function fakeForm(values = {}) {
  const names = [
    'fullName', 'phone', 'address.city', 'address.street', 'address.house', 'address.flat',
    'serviceType', 'requestedDate', 'visitDate', 'visitWindow', 'materials', 'amount', 'notes',
  ];
  const elements = {};
  for (const n of names) elements[n] = { value: values[n] ?? '' };
  return { elements };
}

test('reads the saveOrder shape with a nested address and leaves empty fields out', () => {
  const form = fakeForm({
    fullName: ' Maria Santos ', phone: '+15550100', 'address.city': 'Quezon City',
    'address.house': '12', serviceType: 'internet', amount: '1500.00',
  });
  assert.deepEqual(readOrder(form), {
    fullName: 'Maria Santos', phone: '+15550100', serviceType: 'internet', amount: '1500.00',
    address: { city: 'Quezon City', house: '12' },
  });
});

test('an order being updated carries its id', () => {
  assert.deepEqual(readOrder(fakeForm({ notes: 'gate code 4' }), 'O-000001'), {
    id: 'O-000001', notes: 'gate code 4',
  });
});

test('a saved order fills the form, keeping fields the server left null', () => {
  const form = fakeForm({ materials: 'cable' });
  fillOrder(form, {
    id: 'O-1', fullName: 'Maria Santos', phone: '+15550100', materials: null,
    address: { city: 'Quezon City', street: 'Mabini St', house: '12', flat: null },
  });
  assert.equal(form.elements.phone.value, '+15550100');
  assert.equal(form.elements['address.street'].value, 'Mabini St');
  assert.equal(form.elements.materials.value, 'cable');
  assert.equal(form.elements['address.flat'].value, '');
});
