/**
 * Prometheus metrics: every meter declared in {@link org.tawag.metrics.Meters}, fed by fast hooks
 * on the ACD ({@link org.tawag.metrics.QueueMetrics}) and on calls ({@link
 * org.tawag.metrics.CallMetrics}), plus gauges read at scrape time from SIP, media, the agent
 * sockets and the store; served at {@code /metrics} by {@link org.tawag.metrics.MetricsEndpoint}.
 *
 * <p>Labels come only from bounded sets (configured queues and trunks, agent states, known pause
 * reasons, disposition kinds, a capped set of agents); never a phone number, call id or customer.
 */
package org.tawag.metrics;
