package org.tawag.orders;

import java.util.List;

/**
 * What an operator sees when a call is offered: the customer whose phone number matches the
 * caller's, their open orders, their last calls and the addresses they have used. A caller with no
 * usable number (anonymous, an internal extension) gets an empty pop; a new number gets no customer
 * but may still have earlier calls.
 *
 * @param phone the caller's number in E.164, or {@code null} when it is not a phone number
 * @param customer the matching customer, or {@code null}
 * @param openOrders the customer's orders not done or cancelled, newest first
 * @param recentCalls the caller's last calls, newest first
 * @param addresses the customer's addresses, most recently used first
 */
public record ScreenPop(
    String phone,
    Customer customer,
    List<Order> openOrders,
    List<CallSummary> recentCalls,
    List<Address> addresses) {

  /** Copies the lists. */
  public ScreenPop {
    openOrders = List.copyOf(openOrders);
    recentCalls = List.copyOf(recentCalls);
    addresses = List.copyOf(addresses);
  }

  /** The pop for a caller whose number is not a phone number. */
  public static ScreenPop empty() {
    return new ScreenPop(null, null, List.of(), List.of(), List.of());
  }

  /** Whether the caller is a known customer. */
  public boolean known() {
    return customer != null;
  }
}
