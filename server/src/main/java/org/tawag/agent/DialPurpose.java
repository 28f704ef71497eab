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
 * @param route the trunk, caller id and wrap-up queue to use instead of the operators' own ({@code
 *     tawag.agents.dial-trunk}, {@code dial-caller-id}, their first queue): a campaign's
 */
public record DialPurpose(
    Optional<Long> customerId,
    Optional<String> orderId,
    Optional<Long> campaignContactId,
    Optional<Route> route) {
  public DialPurpose {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(campaignContactId, "campaignContactId");
    Objects.requireNonNull(route, "route");
    orderId.ifPresent(id -> text("orderId", id));
  }

  /** A purpose dialled the operators' own way. */
  public DialPurpose(
      Optional<Long> customerId, Optional<String> orderId, Optional<Long> campaignContactId) {
    this(customerId, orderId, campaignContactId, Optional.empty());
  }

  /**
   * Where a dial goes out and whose wrap-up follows it.
   *
   * @param trunk the trunk's name
   * @param callerId the user part of From, or empty for the trunk's
   * @param queue the queue whose wrap-up follows an answered call
   */
  public record Route(String trunk, Optional<String> callerId, String queue) {
    public Route {
      Objects.requireNonNull(trunk, "trunk");
      Objects.requireNonNull(callerId, "callerId");
      Objects.requireNonNull(queue, "queue");
    }
  }

  /** A call about {@code customerId}. */
  public static DialPurpose customer(long customerId) {
    return new DialPurpose(Optional.of(customerId), Optional.empty(), Optional.empty());
  }

  /** A call about order {@code orderId} (of {@code customerId}, when known). */
  public static DialPurpose order(Optional<Long> customerId, String orderId) {
    return new DialPurpose(customerId, Optional.of(orderId), Optional.empty());
  }

  /**
   * A preview-dialed campaign contact (of {@code customerId}, when known), through the campaign's
   * trunk and caller id, wrapped up in the campaign's queue.
   */
  public static DialPurpose campaignContact(
      Optional<Long> customerId, long contactId, Route route) {
    return new DialPurpose(
        customerId, Optional.empty(), Optional.of(contactId), Optional.of(route));
  }

  private static void text(String field, String value) {
    if (value.isBlank() || value.length() > 255) {
      throw new IllegalArgumentException(field + " must be 1-255 characters: '" + value + "'");
    }
  }
}
