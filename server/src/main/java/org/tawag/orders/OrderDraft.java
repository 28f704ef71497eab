package org.tawag.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An order as an operator submits it: raw text, as typed into the form. {@link #validate} checks
 * every field and reports all problems at once, by field name (the JSON names, {@code address.*}
 * for the address parts); blank means absent.
 *
 * <p>Rules: fullName 1 to 200 characters; phone a number {@link PhoneNumbers} can normalise;
 * address absent, or city, street and house given (flat optional); serviceType one of the
 * configured ones; dates as {@code YYYY-MM-DD}; visitWindow {@code HH:MM-HH:MM} with start before
 * end, and only with a visitDate; status SCHEDULED needs a visitDate; amount a non-negative number
 * with at most two decimals; materials and notes at most 2000 characters.
 *
 * @param id the order to update ({@code O-000123}), or {@code null} to create one
 * @param status a status code, or {@code null}: NEW for a new order, unchanged for an update
 * @param fields the order type's own fields by name, raw text (see {@link OrderType}); errors are
 *     named {@code fields.<name>}
 */
public record OrderDraft(
    String id,
    String fullName,
    String phone,
    String city,
    String street,
    String house,
    String flat,
    String serviceType,
    String requestedDate,
    String visitDate,
    String visitWindow,
    String materials,
    String amount,
    String notes,
    String status,
    Map<String, String> fields) {

  /** Longest full name. */
  public static final int MAX_NAME = 200;

  /** Longest materials or notes text. */
  public static final int MAX_TEXT = 2000;

  /** What order ids look like. */
  public static final Pattern ORDER_ID = Pattern.compile("O-\\d{6,18}");

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The checked, typed order.
   *
   * @throws ValidationException with every field error found
   */
  public OrderDetails validate(OrderSettings settings) {
    FieldErrors errors = new FieldErrors();
    String orderId = FieldChecks.trimmed(id);
    if (orderId != null && !ORDER_ID.matcher(orderId).matches()) {
      errors.add("id", "must be an order id such as O-000123");
    }
    String name = FieldChecks.requiredText(errors, "fullName", fullName, MAX_NAME);
    String e164 = checkPhone(errors, settings);
    Address address = checkAddress(errors);
    String service = checkServiceType(errors, settings);
    Map<String, String> typeFields =
        service == null
            ? Map.of()
            : TypeFields.check(errors, settings.type(service).orElseThrow(), fields);
    OrderStatus orderStatus = checkStatus(errors);
    LocalDate requested = FieldChecks.optionalDate(errors, "requestedDate", requestedDate);
    LocalDate visit = FieldChecks.optionalDate(errors, "visitDate", visitDate);
    VisitWindow window = checkVisitWindow(errors);
    if (visit == null && !errors.has("visitDate")) {
      if (window != null) {
        errors.add("visitDate", "is required with a visit window");
      } else if (orderStatus == OrderStatus.SCHEDULED) {
        errors.add("visitDate", "is required for a scheduled order");
      }
    }
    String materialsText = FieldChecks.optionalText(errors, "materials", materials, MAX_TEXT);
    BigDecimal amountValue = FieldChecks.optionalAmount(errors, "amount", amount);
    String notesText = FieldChecks.optionalText(errors, "notes", notes, MAX_TEXT);
    errors.throwIfAny();
    return new OrderDetails(
        orderId,
        name,
        e164,
        address,
        service,
        orderStatus,
        requested,
        visit,
        window,
        materialsText,
        amountValue,
        notesText,
        typeFields);
  }

  private String checkPhone(FieldErrors errors, OrderSettings settings) {
    if (FieldChecks.trimmed(phone) == null) {
      errors.add("phone", "is required");
      return null;
    }
    return PhoneNumbers.normalise(phone, settings.defaultCountryCode())
        .orElseGet(
            () -> {
              errors.add("phone", "must be a phone number with 8 to 15 digits, e.g. +15551234567");
              return null;
            });
  }

  private Address checkAddress(FieldErrors errors) {
    if (FieldChecks.trimmed(city) == null
        && FieldChecks.trimmed(street) == null
        && FieldChecks.trimmed(house) == null
        && FieldChecks.trimmed(flat) == null) {
      return null;
    }
    FieldErrors local = new FieldErrors();
    String c = FieldChecks.requiredText(local, "address.city", city, Address.MAX_NAME);
    String s = FieldChecks.requiredText(local, "address.street", street, Address.MAX_NAME);
    String h = FieldChecks.requiredText(local, "address.house", house, Address.MAX_NUMBER);
    String f = FieldChecks.optionalText(local, "address.flat", flat, Address.MAX_NUMBER);
    errors.addAll(local);
    return local.isEmpty() ? new Address(c, s, h, f) : null;
  }

  private String checkServiceType(FieldErrors errors, OrderSettings settings) {
    String s = FieldChecks.trimmed(serviceType);
    if (s == null) {
      errors.add("serviceType", "is required");
      return null;
    }
    if (!settings.isServiceType(s)) {
      errors.add("serviceType", "must be one of " + String.join(", ", settings.serviceTypes()));
      return null;
    }
    return s;
  }

  private OrderStatus checkStatus(FieldErrors errors) {
    String s = FieldChecks.trimmed(status);
    if (s == null) {
      return null;
    }
    return OrderStatus.fromCode(s)
        .orElseGet(
            () -> {
              errors.add("status", "must be one of new, scheduled, in_progress, done, cancelled");
              return null;
            });
  }

  private VisitWindow checkVisitWindow(FieldErrors errors) {
    String s = FieldChecks.trimmed(visitWindow);
    if (s == null) {
      return null;
    }
    return VisitWindow.parse(s)
        .orElseGet(
            () -> {
              errors.add("visitWindow", "must be HH:MM-HH:MM with start before end");
              return null;
            });
  }

  /** Builds a draft field by field; unset fields are {@code null}. */
  public static final class Builder {
    private String id;
    private String fullName;
    private String phone;
    private String city;
    private String street;
    private String house;
    private String flat;
    private String serviceType;
    private String requestedDate;
    private String visitDate;
    private String visitWindow;
    private String materials;
    private String amount;
    private String notes;
    private String status;
    private Map<String, String> fields = Map.of();

    private Builder() {}

    public Builder id(String value) {
      id = value;
      return this;
    }

    public Builder fullName(String value) {
      fullName = value;
      return this;
    }

    public Builder phone(String value) {
      phone = value;
      return this;
    }

    /** Sets the four address parts. */
    public Builder address(
        String cityValue, String streetValue, String houseValue, String flatValue) {
      city = cityValue;
      street = streetValue;
      house = houseValue;
      flat = flatValue;
      return this;
    }

    public Builder serviceType(String value) {
      serviceType = value;
      return this;
    }

    public Builder requestedDate(String value) {
      requestedDate = value;
      return this;
    }

    public Builder visitDate(String value) {
      visitDate = value;
      return this;
    }

    public Builder visitWindow(String value) {
      visitWindow = value;
      return this;
    }

    public Builder materials(String value) {
      materials = value;
      return this;
    }

    public Builder amount(String value) {
      amount = value;
      return this;
    }

    public Builder notes(String value) {
      notes = value;
      return this;
    }

    public Builder status(String value) {
      status = value;
      return this;
    }

    /** The type-specific fields, name to raw text. */
    public Builder fields(Map<String, String> value) {
      fields = value == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(value));
      return this;
    }

    public OrderDraft build() {
      return new OrderDraft(
          id,
          fullName,
          phone,
          city,
          street,
          house,
          flat,
          serviceType,
          requestedDate,
          visitDate,
          visitWindow,
          materials,
          amount,
          notes,
          status,
          fields);
    }
  }
}
