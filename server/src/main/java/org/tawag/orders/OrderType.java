package org.tawag.orders;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A kind of order a service takes (internet connection, taxi, loan application), with the fields
 * only that kind has. Configured in {@code tawag.orders.types}; the code is what {@code
 * orders.service_type} holds.
 *
 * @param code lower-case {@code [a-z0-9_]{1,32}}
 * @param label what the form shows
 * @param fields the type-specific fields, in form order, names unique
 */
public record OrderType(String code, String label, List<OrderField> fields) {

  /** Copies the fields and checks their names are unique. */
  public OrderType {
    fields = List.copyOf(fields);
    Set<String> names = new HashSet<>();
    for (OrderField f : fields) {
      if (!names.add(f.name())) {
        throw new IllegalArgumentException(
            "order type " + code + " has field " + f.name() + " twice");
      }
    }
    if (label == null || label.isBlank()) {
      label = code;
    }
  }

  /** A type without its own fields. */
  public static OrderType plain(String code) {
    return new OrderType(code, code, List.of());
  }
}
