package org.tawag.orders;

import java.time.Instant;

/**
 * Which orders a listing returns; every {@code null} part matches all.
 *
 * @param status only orders in this status
 * @param serviceType only orders of this type code
 * @param customerId only this customer's orders
 * @param createdFrom only orders created at or after this instant
 * @param createdTo only orders created before this instant
 */
public record OrderFilter(
    OrderStatus status,
    String serviceType,
    Long customerId,
    Instant createdFrom,
    Instant createdTo) {

  /** Every order. */
  public static OrderFilter all() {
    return new OrderFilter(null, null, null, null, null);
  }
}
