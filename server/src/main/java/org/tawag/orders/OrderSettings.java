package org.tawag.orders;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the order form accepts: the order types (service types) with their own fields, the reasons
 * an operator may give for a refusal, and the country code of national phone numbers ({@code
 * 0...}). Read from {@code tawag.orders} in the configuration; the lists keep their order, which is
 * the order the form shows them in.
 *
 * <p>These are configuration, not database rows: orders and calls store the codes as text, so
 * removing a code from the list stops new use without touching old rows. Codes are lower-case
 * ({@code [a-z0-9_]}, 1 to 32 characters) so they fit {@code calls.disposition} and metric labels.
 *
 * @param types the order types, at least one, no duplicate codes
 * @param refusalReasons refusal reason codes, at least one, no duplicates
 * @param defaultCountryCode 1 to 3 digits, no {@code +}
 */
public record OrderSettings(
    List<OrderType> types, List<String> refusalReasons, String defaultCountryCode) {

  private static final Pattern CODE = Pattern.compile("[a-z0-9_]{1,32}");

  /** Checks every value; a bad one is an {@link IllegalArgumentException} naming it. */
  public OrderSettings {
    if (types == null || types.isEmpty()) {
      throw new IllegalArgumentException("types must not be empty");
    }
    types = List.copyOf(types);
    codes("types", types.stream().map(OrderType::code).toList());
    refusalReasons = codes("refusalReasons", refusalReasons);
    PhoneNumbers.checkCountryCode(defaultCountryCode);
  }

  /** Settings whose service types have no fields of their own. */
  public static OrderSettings of(
      List<String> serviceTypes, List<String> refusalReasons, String defaultCountryCode) {
    codes("types", serviceTypes);
    return new OrderSettings(
        serviceTypes.stream().map(OrderType::plain).toList(), refusalReasons, defaultCountryCode);
  }

  /**
   * The built-in fallback, the same as {@code reference.conf}'s service types without their fields:
   * internet, tv, repair, taxi, loan; refusal reasons too_expensive, has_provider, not_interested,
   * bad_time, do_not_call; country code 1. The server reads {@code tawag.orders} instead.
   */
  public static OrderSettings defaults() {
    return of(
        List.of("internet", "tv", "repair", "taxi", "loan"),
        List.of("too_expensive", "has_provider", "not_interested", "bad_time", "do_not_call"),
        "1");
  }

  /** The service type codes, in form order. */
  public List<String> serviceTypes() {
    return types.stream().map(OrderType::code).toList();
  }

  /** The type with {@code code}, if configured. */
  public Optional<OrderType> type(String code) {
    return types.stream().filter(t -> t.code().equals(code)).findFirst();
  }

  /** Whether {@code code} is a configured service type. */
  public boolean isServiceType(String code) {
    return type(code).isPresent();
  }

  /** Whether {@code code} is a configured refusal reason. */
  public boolean isRefusalReason(String code) {
    return refusalReasons.contains(code);
  }

  private static List<String> codes(String name, List<String> codes) {
    if (codes == null || codes.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    List<String> copy = List.copyOf(codes);
    for (String code : copy) {
      if (!CODE.matcher(code).matches()) {
        throw new IllegalArgumentException(
            name + " entries must match [a-z0-9_]{1,32} but one was " + code);
      }
    }
    if (new HashSet<>(copy).size() != copy.size()) {
      throw new IllegalArgumentException(name + " must not repeat a code but was " + copy);
    }
    return copy;
  }
}
