/**
 * Preview dialing over the REST API (docs/campaigns.md): the operator takes the next contact of a
 * campaign, reads it, then calls it (the call then comes on the agent socket like any dial) or
 * skips it. Requests and their errors only; app.js renders.
 */
export class PreviewClient {
  /** @param {typeof fetch} fetchFn */
  constructor(fetchFn) {
    this.fetch = fetchFn;
  }

  /** The running preview campaigns of my queues: [{id, name, queue, script}]. */
  async campaigns() {
    const r = await this.#send('GET', '/api/preview/campaigns');
    return (await r.json()).campaigns;
  }

  /** Holds the next due contact of `campaignId` for me: its card, or null when none is due. */
  async next(campaignId) {
    const r = await this.#send('POST', `/api/preview/campaigns/${campaignId}/next`);
    return r.status === 204 ? null : r.json();
  }

  /** Calls the contact I hold. */
  async call(contactId) {
    await this.#send('POST', `/api/preview/contacts/${contactId}/dial`);
  }

  /** Lets go of the contact I hold. */
  async skip(contactId) {
    await this.#send('POST', `/api/preview/contacts/${contactId}/skip`);
  }

  async #send(method, path) {
    const r = await this.fetch(path, method === 'POST'
      ? { method, headers: { 'content-type': 'application/json' }, body: '{}' }
      : { method });
    if (!r.ok) {
      let message = `the server answered ${r.status}`;
      try {
        message = (await r.json()).error ?? message;
      } catch {
        // not JSON: keep the status
      }
      throw new Error(message);
    }
    return r;
  }
}

const RESULTS = { busy: 'busy', no_answer: 'no answer', failed: 'failed', answered: 'answered' };

/** What the card says about a contact, line by line. */
export function cardLines(card) {
  const c = card.customer ?? {};
  const lines = [`${c.fullName ?? ''} ${c.phone ?? ''}`.trim(), `Time zone: ${c.timeZone ?? '?'}`];
  lines.push(`Attempt ${card.attempts + 1} of ${card.maxAttempts}`);
  if (card.lastResult) lines.push(`Last call: ${RESULTS[card.lastResult] ?? card.lastResult}`);
  if (card.callbackAt) lines.push(`Call back promised for ${card.callbackAt.slice(0, 16).replace('T', ' ')} UTC`);
  return lines;
}
