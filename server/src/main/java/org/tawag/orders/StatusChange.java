package org.tawag.orders;

import java.time.Instant;

/**
 * One step in an order's status history.
 *
 * @param from the status before, or {@code null} for the status the order was created with
 * @param byUser the user who made the change
 */
public record StatusChange(
    String orderId, Instant at, OrderStatus from, OrderStatus to, String byUser) {}
