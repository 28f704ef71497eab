package org.tawag.orders;

/**
 * A customer cannot take a phone number another customer has: phone numbers identify customers. The
 * message names the other customer's id, never the number.
 */
public final class PhoneTakenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long customerId;

  /** The number belongs to {@code customerId}. */
  public PhoneTakenException(long customerId) {
    super("the phone number belongs to customer " + customerId);
    this.customerId = customerId;
  }

  /** The customer who has the number. */
  public long customerId() {
    return customerId;
  }
}
