package org.tawag.orders;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Customers, their orders and the screen pop, for operators on a call and for the REST API. Every
 * method returns at once and completes later (the database work runs elsewhere), so SIP, ACD and
 * event-loop threads may call it. A refused submission completes exceptionally with a {@link
 * ValidationException}; a missing order with an {@link OrderNotFoundException}; a database failure
 * with its {@link java.sql.SQLException} or a {@link
 * java.util.concurrent.RejectedExecutionException} when the store is overloaded.
 */
public interface OrderStore {
  /**
   * The screen pop for {@code callerNumber} as the trunk sent it: normalised to E.164, the matching
   * customer, their open orders and addresses, and the caller's last calls.
   */
  CompletableFuture<ScreenPop> screenPop(String callerNumber);

  /**
   * Validates and saves {@code draft}: finds the customer by phone (creating them, or updating
   * their name), remembers the address, creates the order (no id in the draft) or updates it, and
   * records any status change in the history.
   *
   * <p>Refused with field errors: any {@link OrderDraft#validate} error; {@code id} naming no
   * order; {@code status} when the order is done or cancelled, when the draft's status cannot
   * follow the current one, or when a new order's status cannot follow NEW; {@code visitDate} when
   * an update leaves a scheduled order without one.
   *
   * @param username who saves it, for {@code created_by}, {@code updated_by} and the history
   * @return the order as stored
   * @throws IllegalArgumentException at once when {@code username} is null or blank
   */
  CompletableFuture<Order> saveOrder(OrderDraft draft, String username);

  /** The order with {@code id}, if any. */
  CompletableFuture<Optional<Order>> findOrder(String id);

  /** Every order of customer {@code customerId}, newest first. */
  CompletableFuture<List<Order>> ordersOfCustomer(long customerId);

  /**
   * Moves order {@code id} to status {@code to} and records it in the history; moving to the
   * current status changes nothing. Refused with a field error on {@code status} when {@link
   * OrderStatus#canMoveTo} forbids it, on {@code visitDate} when scheduling an order without a
   * visit date; fails with {@link OrderNotFoundException} for an unknown id.
   *
   * @throws IllegalArgumentException at once when {@code username} is null or blank
   */
  CompletableFuture<Order> changeStatus(String id, OrderStatus to, String username);

  /** The status history of order {@code id}, oldest first; empty for an unknown id. */
  CompletableFuture<List<StatusChange>> statusHistory(String id);

  /** The orders {@code filter} matches, newest first, one page of them. */
  CompletableFuture<Page<Order>> listOrders(OrderFilter filter, int limit, int offset);
}
