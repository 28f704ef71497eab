/**
 * Outbound campaigns: a target list of customers, a dialer that places their calls over a trunk
 * (progressive: as operators of the campaign's queue are free; preview: an operator takes the next
 * contact and dials), the rules every dial must pass (do-not-call list, calling hours in the
 * customer's time zone, attempt count, retry delay per result) with the reason stored for each, and
 * what the operator's disposition does to the contact.
 */
package org.tawag.campaigns;
