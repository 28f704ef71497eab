/**
 * The order form beside the call: reads the fields into the `saveOrder` shape of
 * docs/agent-protocol.md, fills them from a saved order or the screen pop, and offers the
 * customer's earlier addresses as suggestions.
 */

const ADDRESS = ['city', 'street', 'house', 'flat'];
const PLAIN = [
  'fullName', 'phone', 'serviceType', 'requestedDate', 'visitDate', 'visitWindow', 'materials',
  'amount', 'notes',
];

/** The order in the form; empty inputs are left out, so the server sees them as absent. */
export function readOrder(form, id) {
  const value = (name) => form.elements[name].value.trim();
  const order = {};
  if (id) order.id = id;
  for (const name of PLAIN) if (value(name)) order[name] = value(name);
  const address = {};
  for (const part of ADDRESS) if (value(`address.${part}`)) address[part] = value(`address.${part}`);
  if (Object.keys(address).length) order.address = address;
  return order;
}

/** Puts `order`'s values into the form (a saved order coming back, with normalised phone). */
export function fillOrder(form, order) {
  for (const name of PLAIN) if (order[name] != null) form.elements[name].value = order[name];
  for (const part of ADDRESS) {
    const v = order.address?.[part];
    if (v != null) form.elements[`address.${part}`].value = v;
  }
}

/** Empties the form for the next call. */
export function clearOrder(form) {
  form.reset();
}

/** Prefills name and phone from the screen pop when empty; suggests earlier addresses. */
export function applyPop(form, pop) {
  if (!pop) return;
  const setIfEmpty = (name, v) => {
    if (v && !form.elements[name].value) form.elements[name].value = v;
  };
  setIfEmpty('fullName', pop.customer?.fullName);
  setIfEmpty('phone', pop.customer?.phone ?? pop.phone);
  const addresses = pop.addresses ?? [];
  fillList(form.ownerDocument.getElementById('pop-cities'), addresses.map((a) => a.city));
  fillList(form.ownerDocument.getElementById('pop-streets'), addresses.map((a) => a.street));
}

function fillList(datalist, values) {
  datalist.replaceChildren(
    ...[...new Set(values.filter(Boolean))].map((v) => Object.assign(document.createElement('option'), { value: v })));
}
