package org.tawag.orders;

/**
 * Where a visit takes place: city, street and house are required, the flat is optional ({@code
 * null} when there is none). Values are trimmed and checked by {@link OrderDraft}; this record only
 * refuses what would break the tables.
 */
public record Address(String city, String street, String house, String flat) {
  /** Longest city or street. */
  public static final int MAX_NAME = 200;

  /** Longest house or flat number. */
  public static final int MAX_NUMBER = 20;

  /** Checks required parts are present and turns an empty flat into {@code null}. */
  public Address {
    require("city", city, MAX_NAME);
    require("street", street, MAX_NAME);
    require("house", house, MAX_NUMBER);
    if (flat != null && flat.isEmpty()) {
      flat = null;
    }
    if (flat != null && flat.length() > MAX_NUMBER) {
      throw new IllegalArgumentException("flat must be at most " + MAX_NUMBER + " characters");
    }
  }

  private static void require(String name, String value, int max) {
    if (value == null || value.isBlank() || value.length() > max) {
      throw new IllegalArgumentException(name + " must be 1 to " + max + " characters");
    }
  }
}
