package org.tawag.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * An {@link OrderDraft} that passed validation: trimmed, typed and normalised (phone in E.164,
 * amount with two decimals), ready to store. Optional values are {@code null}.
 *
 * @param orderId the order to update, or {@code null} to create one
 * @param status the status asked for, or {@code null}: NEW for a new order, unchanged otherwise
 * @param fields the order type's own fields, checked and normalised, in the type's order
 */
public record OrderDetails(
    String orderId,
    String fullName,
    String phone,
    Address address,
    String serviceType,
    OrderStatus status,
    LocalDate requestedDate,
    LocalDate visitDate,
    VisitWindow visitWindow,
    String materials,
    BigDecimal amount,
    String notes,
    Map<String, String> fields) {}
