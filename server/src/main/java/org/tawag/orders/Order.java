package org.tawag.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stored order: what a customer asked for, where and when, and where it stands. The id is text
 * such as {@code O-000123}: operators read it out on the phone and {@code calls.order_id} holds the
 * same value. The address is the one the order was booked for, copied from the form.
 *
 * @param id {@code O-} and at least six digits
 * @param customer who the order is for
 * @param serviceType a service type code (may no longer be configured, for old orders)
 * @param address where the visit is, or {@code null}
 * @param requestedDate the day the customer asked for, or {@code null}
 * @param visitDate the day of the technician's visit, or {@code null}
 * @param visitWindow the time of the visit, or {@code null}
 * @param amount the price agreed, two decimals, or {@code null}
 * @param createdBy the user who created the order
 * @param updatedBy the user who changed it last
 * @param fields the order type's own fields (see {@link OrderType}), name to normalised text
 */
public record Order(
    String id,
    Customer customer,
    String serviceType,
    OrderStatus status,
    Address address,
    LocalDate requestedDate,
    LocalDate visitDate,
    VisitWindow visitWindow,
    String materials,
    BigDecimal amount,
    String notes,
    String createdBy,
    String updatedBy,
    Instant createdAt,
    Instant updatedAt,
    Map<String, String> fields) {

  /** Copies the type-specific fields. */
  public Order {
    fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** Whether work is still to be done on this order. */
  public boolean isOpen() {
    return status.isOpen();
  }
}
