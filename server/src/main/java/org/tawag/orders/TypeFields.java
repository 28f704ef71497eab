package org.tawag.orders;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks an order's type-specific {@code fields} against its {@link OrderType}: every required
 * field present, every value of its kind and among the options, no field the type does not have.
 * Errors are named {@code fields.<name>}; values come back normalised (trimmed, amounts with two
 * decimals) in the type's field order.
 */
final class TypeFields {
  /** Longest text or address value. */
  static final int MAX_TEXT = 500;

  private static final long MAX_INT = 1_000_000_000L;

  private TypeFields() {}

  /** The checked values of {@code raw} (name to text; blank is absent) for {@code type}. */
  static Map<String, String> check(FieldErrors errors, OrderType type, Map<String, String> raw) {
    Map<String, String> in = raw == null ? Map.of() : raw;
    for (String name : in.keySet()) {
      if (type.fields().stream().noneMatch(f -> f.name().equals(name))) {
        errors.add("fields." + name, "is not a field of " + type.code());
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (OrderField f : type.fields()) {
      String key = "fields." + f.name();
      String value = FieldChecks.trimmed(in.get(f.name()));
      if (value == null) {
        if (f.required()) {
          errors.add(key, "is required");
        }
        continue;
      }
      String normal = normalise(errors, key, f.kind(), value);
      if (normal == null) {
        continue;
      }
      if (!f.options().isEmpty() && !f.options().contains(normal)) {
        errors.add(key, "must be one of " + String.join(", ", f.options()));
        continue;
      }
      out.put(f.name(), normal);
    }
    return out;
  }

  private static String normalise(FieldErrors errors, String key, OrderField.Kind kind, String v) {
    return switch (kind) {
      case TEXT, ADDRESS -> {
        if (v.length() > MAX_TEXT) {
          errors.add(key, "must be at most " + MAX_TEXT + " characters");
          yield null;
        }
        yield v;
      }
      case DATE -> string(FieldChecks.optionalDate(errors, key, v));
      case TIME -> {
        try {
          if (v.matches("\\d{2}:\\d{2}")) {
            yield LocalTime.parse(v).toString();
          }
        } catch (DateTimeParseException e) {
          // reported below
        }
        errors.add(key, "must be a time as HH:MM");
        yield null;
      }
      case WINDOW -> {
        var w = VisitWindow.parse(v);
        if (w.isEmpty()) {
          errors.add(key, "must be HH:MM-HH:MM with start before end");
          yield null;
        }
        yield w.get().toString();
      }
      case AMOUNT -> {
        BigDecimal a = FieldChecks.optionalAmount(errors, key, v);
        yield a == null ? null : a.toPlainString();
      }
      case INT -> {
        if (!v.matches("\\d{1,10}") || Long.parseLong(v) > MAX_INT) {
          errors.add(key, "must be a whole number from 0 to " + MAX_INT);
          yield null;
        }
        yield String.valueOf(Long.parseLong(v));
      }
    };
  }

  private static String string(Object o) {
    return o == null ? null : o.toString();
  }
}
