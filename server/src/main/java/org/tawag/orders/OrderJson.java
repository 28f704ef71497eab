package org.tawag.orders;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes orders travel in, shared by the operators' WebSocket and the REST API. Field
 * names are camelCase; dates {@code YYYY-MM-DD}; times ISO-8601 UTC ({@code 2025-06-30T09:00:00Z});
 * amounts strings with two decimals ({@code "1500.00"}) so no client rounds them through a float.
 *
 * <p>An order in JSON has the draft's fields plus {@code customerId}, {@code createdBy}, {@code
 * updatedBy}, {@code createdAt}, {@code updatedAt}, so a form can send back what it was given.
 * Absent values are JSON {@code null}.
 */
public final class OrderJson {
  private OrderJson() {}

  /**
   * The draft in {@code json}, checked: wrong JSON types ({@code "must be text"}) and every {@link
   * OrderDraft#validate} error come back together in one {@link ValidationException}.
   *
   * <p>Reads {@code id, fullName, phone, address{city, street, house, flat}, serviceType,
   * requestedDate, visitDate, visitWindow, materials, amount} (text or number){@code , notes,
   * status}; unknown fields are ignored.
   *
   * @throws ValidationException with every field error found
   */
  public static OrderDraft draftFrom(JsonObject json, OrderSettings settings) {
    FieldErrors typeErrors = new FieldErrors();
    JsonObject address = object(typeErrors, json, "address");
    OrderDraft draft =
        OrderDraft.builder()
            .id(text(typeErrors, json, "id", "id"))
            .fullName(text(typeErrors, json, "fullName", "fullName"))
            .phone(text(typeErrors, json, "phone", "phone"))
            .address(
                text(typeErrors, address, "city", "address.city"),
                text(typeErrors, address, "street", "address.street"),
                text(typeErrors, address, "house", "address.house"),
                text(typeErrors, address, "flat", "address.flat"))
            .serviceType(text(typeErrors, json, "serviceType", "serviceType"))
            .requestedDate(text(typeErrors, json, "requestedDate", "requestedDate"))
            .visitDate(text(typeErrors, json, "visitDate", "visitDate"))
            .visitWindow(text(typeErrors, json, "visitWindow", "visitWindow"))
            .materials(text(typeErrors, json, "materials", "materials"))
            .amount(number(typeErrors, json, "amount"))
            .notes(text(typeErrors, json, "notes", "notes"))
            .status(text(typeErrors, json, "status", "status"))
            .fields(fields(typeErrors, json))
            .build();
    try {
      draft.validate(settings);
    } catch (ValidationException e) {
      // A field of the wrong type reads as absent; its type error, found first, is what to show.
      typeErrors.addAll(toFieldErrors(e.errors()));
    }
    typeErrors.throwIfAny();
    return draft;
  }

  /**
   * The disposition in {@code json}: {@code disposition} (a {@link Disposition.Kind} code), {@code
   * reason} and {@code callbackAt}, checked by {@link Disposition#validate}.
   *
   * @throws ValidationException with every field error found
   */
  public static Disposition dispositionFrom(JsonObject json, OrderSettings settings, Clock clock) {
    FieldErrors typeErrors = new FieldErrors();
    String kind = text(typeErrors, json, "disposition", "disposition");
    String reason = text(typeErrors, json, "reason", "reason");
    String callbackAt = text(typeErrors, json, "callbackAt", "callbackAt");
    try {
      Disposition d = Disposition.validate(kind, reason, callbackAt, settings, clock);
      typeErrors.throwIfAny();
      return d;
    } catch (ValidationException e) {
      typeErrors.addAll(toFieldErrors(e.errors()));
      throw new ValidationException(typeErrors);
    }
  }

  /** {@code {disposition, reason, callbackAt, code}}. */
  public static JsonObject disposition(Disposition d) {
    return new JsonObject()
        .put("disposition", d.kind().code())
        .put("reason", d.reason())
        .put("callbackAt", d.callbackAt() == null ? null : d.callbackAt().toString())
        .put("code", d.code());
  }

  /** The errors as an object of field name to message. */
  public static JsonObject errors(Map<String, String> errors) {
    JsonObject out = new JsonObject();
    errors.forEach(out::put);
    return out;
  }

  /** {@code {id, fullName, phone, createdAt, updatedAt}}. */
  public static JsonObject customer(Customer c) {
    return new JsonObject()
        .put("id", c.id())
        .put("fullName", c.fullName())
        .put("phone", c.phone())
        .put("createdAt", c.createdAt().toString())
        .put("updatedAt", c.updatedAt().toString());
  }

  /** {@code {city, street, house, flat}}. */
  public static JsonObject address(Address a) {
    return new JsonObject()
        .put("city", a.city())
        .put("street", a.street())
        .put("house", a.house())
        .put("flat", a.flat());
  }

  /** The order with the draft's field names, plus who made and changed it and when. */
  public static JsonObject order(Order o) {
    return new JsonObject()
        .put("id", o.id())
        .put("customerId", o.customer().id())
        .put("fullName", o.customer().fullName())
        .put("phone", o.customer().phone())
        .put("address", o.address() == null ? null : address(o.address()))
        .put("serviceType", o.serviceType())
        .put("status", o.status().code())
        .put("requestedDate", string(o.requestedDate()))
        .put("visitDate", string(o.visitDate()))
        .put("visitWindow", string(o.visitWindow()))
        .put("materials", o.materials())
        .put("amount", o.amount() == null ? null : o.amount().toPlainString())
        .put("notes", o.notes())
        .put("createdBy", o.createdBy())
        .put("updatedBy", o.updatedBy())
        .put("createdAt", o.createdAt().toString())
        .put("updatedAt", o.updatedAt().toString())
        .put("fields", new JsonObject(new LinkedHashMap<>(o.fields())));
  }

  /** {@code {code, label, fields: [{name, kind, required, options}]}}. */
  public static JsonObject orderType(OrderType t) {
    JsonArray fields = new JsonArray();
    for (OrderField f : t.fields()) {
      fields.add(
          new JsonObject()
              .put("name", f.name())
              .put("kind", f.kind().code())
              .put("required", f.required())
              .put("options", new JsonArray(List.copyOf(f.options()))));
    }
    return new JsonObject().put("code", t.code()).put("label", t.label()).put("fields", fields);
  }

  /** The type-specific fields as the JSON text {@code orders.type_fields} holds. */
  static String encodeFields(Map<String, String> fields) {
    return new JsonObject(new LinkedHashMap<>(fields)).encode();
  }

  /** The fields of {@link #encodeFields} text; {@code null} reads as none. */
  static Map<String, String> decodeFields(String text) {
    if (text == null || text.isBlank()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    new JsonObject(text).forEach(e -> out.put(e.getKey(), String.valueOf(e.getValue())));
    return out;
  }

  /** {@code {id, arrivedAt, queue, agent, outcome, orderId, disposition}}. */
  public static JsonObject callSummary(CallSummary c) {
    return new JsonObject()
        .put("id", c.id())
        .put("arrivedAt", c.arrivedAt().toString())
        .put("queue", c.queue())
        .put("agent", c.agent())
        .put("outcome", c.outcome())
        .put("orderId", c.orderId())
        .put("disposition", c.disposition());
  }

  /** {@code {orderId, at, from, to, byUser}}. */
  public static JsonObject statusChange(StatusChange s) {
    return new JsonObject()
        .put("orderId", s.orderId())
        .put("at", s.at().toString())
        .put("from", s.from() == null ? null : s.from().code())
        .put("to", s.to().code())
        .put("byUser", s.byUser());
  }

  /** {@code {phone, customer, openOrders[], recentCalls[], addresses[]}}. */
  public static JsonObject screenPop(ScreenPop p) {
    JsonArray orders = new JsonArray();
    p.openOrders().forEach(o -> orders.add(order(o)));
    JsonArray calls = new JsonArray();
    p.recentCalls().forEach(c -> calls.add(callSummary(c)));
    JsonArray addresses = new JsonArray();
    p.addresses().forEach(a -> addresses.add(address(a)));
    return new JsonObject()
        .put("phone", p.phone())
        .put("customer", p.customer() == null ? null : customer(p.customer()))
        .put("openOrders", orders)
        .put("recentCalls", calls)
        .put("addresses", addresses);
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }

  private static FieldErrors toFieldErrors(Map<String, String> errors) {
    FieldErrors out = new FieldErrors();
    errors.forEach(out::add);
    return out;
  }

  /** The {@code fields} object, each value text or a number, as text. */
  private static Map<String, String> fields(FieldErrors errors, JsonObject json) {
    JsonObject raw = object(errors, json, "fields");
    if (raw == null) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : raw.fieldNames()) {
      Object v = raw.getValue(name);
      if (v == null) {
        continue;
      } else if (v instanceof String str) {
        out.put(name, str);
      } else if (v instanceof Number) {
        out.put(name, number(errors, raw, name));
      } else {
        errors.add("fields." + name, "must be text or a number");
      }
    }
    return out;
  }

  private static JsonObject object(FieldErrors errors, JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value == null || value instanceof JsonObject) {
      return (JsonObject) value;
    }
    if (value instanceof Map<?, ?>) {
      return json.getJsonObject(key);
    }
    errors.add(key, "must be an object");
    return null;
  }

  private static String text(FieldErrors errors, JsonObject json, String key, String field) {
    if (json == null) {
      return null;
    }
    Object value = json.getValue(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    errors.add(field, "must be text");
    return null;
  }

  private static String number(FieldErrors errors, JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(((Number) value).doubleValue()).toPlainString();
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof BigInteger) {
      return value.toString();
    }
    errors.add(key, "must be a number or text");
    return null;
  }
}
