package org.tawag.agent;

import java.util.Objects;
import java.util.Optional;

/**
 * Why an operator dials: the customer, order or campaign contact the call is about. Each id is
 * optional; the call record keeps them and the dial's outcome hands them back, so a campaign dialer
 * can match an outcome to its contact.
 *
 * @param customerId the customer's id ({@code Customer.id()})
 * @param orderId the order's id ({@code Order.id()})
 * @param campaignContactId the campaign contact being dialled (preview dialing), by its id
 */
public record DialPurpose(
    Optional<Long> customerId, Optional<String> orderId, Optional<Long> campaignContactId) {
  public DialPurpose {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(campaignContactId, "campaignContactId");
    orderId.ifPresent(id -> text("orderId", id));
  }

  /** A call about {@code customerId}. */
  public static DialPurpose customer(long customerId) {
    return new DialPurpose(Optional.of(customerId), Optional.empty(), Optional.empty());
  }

  /** A call about order {@code orderId} (of {@code customerId}, when known). */
  public static DialPurpose order(Optional<Long> customerId, String orderId) {
    return new DialPurpose(customerId, Optional.of(orderId), Optional.empty());
  }

  /** A preview-dialed campaign contact (of {@code customerId}, when known). */
  public static DialPurpose campaignContact(Optional<Long> customerId, long contactId) {
    return new DialPurpose(customerId, Optional.empty(), Optional.of(contactId));
  }

  private static void text(String field, String value) {
    if (value.isBlank() || value.length() > 255) {
      throw new IllegalArgumentException(field + " must be 1-255 characters: '" + value + "'");
    }
  }
}
