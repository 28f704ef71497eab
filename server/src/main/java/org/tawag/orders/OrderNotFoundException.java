package org.tawag.orders;

import java.util.NoSuchElementException;

/** No order has the id a caller named; the REST API answers 404. */
public final class OrderNotFoundException extends NoSuchElementException {
  private static final long serialVersionUID = 1L;

  private final String orderId;

  /** For the missing {@code orderId}. */
  public OrderNotFoundException(String orderId) {
    super("no order " + orderId);
    this.orderId = orderId;
  }

  /** The id that matched no order. */
  public String orderId() {
    return orderId;
  }
}
