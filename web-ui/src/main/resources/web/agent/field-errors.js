/**
 * Shows the server's errors next to their fields: `<span class="field-error" data-for="phone">`
 * beside the input named `phone`. Typed values are never touched.
 */

/**
 * @param {HTMLElement} root the form or panel holding the fields
 * @param {Object<string,string>} errors field name -> message; empty clears
 */
export function showFieldErrors(root, errors = {}) {
  for (const span of root.querySelectorAll('.field-error[data-for]')) {
    span.textContent = errors[span.dataset.for] ?? '';
  }
  for (const input of root.querySelectorAll('[name]')) {
    if (errors[input.name]) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
  const first = Object.keys(errors).find((f) => root.querySelector(`[name="${f}"]`));
  if (first) root.querySelector(`[name="${first}"]`).focus();
}
