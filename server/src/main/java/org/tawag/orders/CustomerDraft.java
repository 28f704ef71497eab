package org.tawag.orders;

/**
 * A customer as a client submits it (API form or CSV row): raw text. {@link #validate} checks both
 * fields at once: fullName 1 to 200 characters, phone a number {@link PhoneNumbers} turns into
 * E.164.
 */
public record CustomerDraft(String fullName, String phone) {

  /** A checked customer: trimmed name, phone in E.164. */
  public record Valid(String fullName, String phone) {}

  /**
   * The checked customer.
   *
   * @throws ValidationException naming {@code fullName} and/or {@code phone}
   */
  public Valid validate(OrderSettings settings) {
    FieldErrors errors = new FieldErrors();
    String name = FieldChecks.requiredText(errors, "fullName", fullName, OrderDraft.MAX_NAME);
    String e164 = null;
    if (FieldChecks.trimmed(phone) == null) {
      errors.add("phone", "is required");
    } else {
      e164 = PhoneNumbers.normalise(phone, settings.defaultCountryCode()).orElse(null);
      if (e164 == null) {
        errors.add("phone", "must be a phone number with 8 to 15 digits, e.g. +15551234567");
      }
    }
    errors.throwIfAny();
    return new Valid(name, e164);
  }
}
