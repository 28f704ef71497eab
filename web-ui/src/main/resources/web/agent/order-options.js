/**
 * The order form's and wrap-up's choices as the server sends them (`orderSettings` in
 * docs/agent-protocol.md): codes become options with readable labels, and a select keeps the
 * operator's choice when the list arrives again after a reconnect.
 */

/** Labels that say more than the code; any other code reads with its underscores as spaces. */
const LABELS = {
  agreed: 'agreed (needs the order)',
  callback: 'call back',
  has_provider: 'has a provider',
};

/** The label shown for `code`. */
export function label(code) {
  return LABELS[code] ?? code.replaceAll('_', ' ');
}

/**
 * Replaces `select`'s options with `codes`, keeping the selected value when it is still offered.
 * @param {{value: string, replaceChildren: Function, ownerDocument: Document}} select
 * @param {string[]} codes
 */
export function setOptions(select, codes) {
  const kept = select.value;
  const doc = select.ownerDocument;
  select.replaceChildren(
    ...codes.map((code) => Object.assign(doc.createElement('option'), { value: code, textContent: label(code) })),
  );
  if (codes.includes(kept)) select.value = kept;
}
