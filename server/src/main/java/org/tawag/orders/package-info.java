/**
 * Customers, orders and call dispositions: what an operator files for every call.
 *
 * <p>Design choices, and why:
 *
 * <ul>
 *   <li>Order ids are text, {@code O-} and at least six digits from a sequence ({@code O-000123}):
 *       operators read them out on the phone, and {@code calls.order_id} (VARCHAR in V1) holds the
 *       same value, so calls and orders join without casts. Customer ids are internal bigint
 *       identities.
 *   <li>{@code calls.order_id} has no foreign key: the call log writes, and replays from its spool,
 *       whatever the agent filed, and must never be refused for it.
 *   <li>The order copies its address; {@code customer_addresses} only remembers addresses for
 *       suggestions, so editing or forgetting them never rewrites a booked visit.
 *   <li>Service types, refusal reasons and the default country code are configuration ({@link
 *       org.tawag.orders.OrderSettings}), not tables: rows keep the codes as text, so retiring a
 *       code never breaks old rows and needs no migration. A disposition is stored as one code in
 *       {@code calls.disposition} ({@link org.tawag.orders.Disposition#code()}).
 *   <li>Validation is pure and reports every field at once ({@link org.tawag.orders.FieldErrors});
 *       only {@link org.tawag.orders.OrderJson} knows Vert.x.
 *   <li>All SQL runs on {@link org.tawag.db.JdbcWorkers}; {@link org.tawag.orders.OrderStore}
 *       returns futures, so SIP, ACD and event-loop threads may call it.
 * </ul>
 */
package org.tawag.orders;
