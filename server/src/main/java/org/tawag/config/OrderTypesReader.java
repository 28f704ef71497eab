package org.tawag.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tawag.orders.OrderField;
import org.tawag.orders.OrderSettings;
import org.tawag.orders.OrderType;

/**
 * Reads {@code tawag.orders}: the order types with their own fields, the refusal reasons and the
 * default country code. Every problem names its key, e.g. {@code
 * tawag.orders.types[2].fields[0].kind}.
 */
final class OrderTypesReader {
  private OrderTypesReader() {}

  static OrderSettings read(ConfigSection s) {
    s.allowOnly(Set.of("types", "refusal-reasons", "default-country-code"));
    List<OrderType> types = new ArrayList<>();
    for (ConfigSection t : s.sectionList("types")) {
      types.add(type(t));
    }
    try {
      return new OrderSettings(
          types, s.stringList("refusal-reasons"), s.string("default-country-code"));
    } catch (IllegalArgumentException e) {
      throw s.error(e.getMessage());
    }
  }

  private static OrderType type(ConfigSection t) {
    t.allowOnly(Set.of("code", "label", "fields"));
    List<OrderField> fields = new ArrayList<>();
    if (t.has("fields")) {
      for (ConfigSection f : t.sectionList("fields")) {
        fields.add(field(f));
      }
    }
    String code = t.string("code");
    try {
      return new OrderType(code, t.optionalString("label").orElse(code), fields);
    } catch (IllegalArgumentException e) {
      throw t.error(e.getMessage());
    }
  }

  private static OrderField field(ConfigSection f) {
    f.allowOnly(Set.of("name", "kind", "required", "options"));
    String kindCode = f.string("kind");
    OrderField.Kind kind =
        OrderField.Kind.fromCode(kindCode)
            .orElseThrow(
                () ->
                    f.error(
                        "kind", "must be one of text, date, time, window, amount, int, address"));
    boolean required = false;
    if (f.has("required")) {
      Object v = f.value("required").unwrapped();
      if (!(v instanceof Boolean b)) {
        throw f.error("required", "must be true or false");
      }
      required = b;
    }
    List<String> options = f.has("options") ? f.stringList("options") : List.of();
    try {
      return new OrderField(f.string("name"), kind, required, options);
    } catch (IllegalArgumentException e) {
      throw f.error(e.getMessage());
    }
  }
}
