package org.tawag.orders;

import java.time.Instant;

/**
 * One earlier call of a customer as the screen pop shows it, read from {@code calls}.
 *
 * @param outcome the call's outcome code (e.g. {@code completed_by_caller}), or {@code null} while
 *     it has not ended
 * @param orderId the order the call was logged against, or {@code null}
 * @param disposition the {@link Disposition#code()} the agent filed, or {@code null}
 */
public record CallSummary(
    String id,
    Instant arrivedAt,
    String queue,
    String agent,
    String outcome,
    String orderId,
    String disposition) {}
