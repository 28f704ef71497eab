package org.tawag.orders;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Customers for the REST API: search, read, create, change, history and bulk import. SQL runs on
 * the store's workers; futures fail with {@link ValidationException} for bad fields, {@link
 * PhoneTakenException} when a phone number is another customer's, and {@link
 * java.util.concurrent.RejectedExecutionException} when the store is overloaded.
 */
public interface CustomerStore {
  /** What happened to one imported row. */
  enum Upsert {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  /**
   * Customers matching {@code query}, by id: a query that is a phone number (digits, {@code +},
   * spaces, dashes) matches phones containing its digits, anything else matches names containing
   * it, ignoring case; {@code null} matches everyone.
   */
  CompletableFuture<Page<Customer>> search(String query, int limit, int offset);

  /** The customer with {@code id}, if any. */
  CompletableFuture<Optional<Customer>> find(long id);

  /** Creates a customer; fails with {@link PhoneTakenException} for a known phone. */
  CompletableFuture<Customer> create(CustomerDraft draft);

  /** Changes name and phone of customer {@code id}; empty when there is none. */
  CompletableFuture<Optional<Customer>> update(long id, CustomerDraft draft);

  /** The customer's calls, orders, offers and refusals; empty for an unknown id. */
  CompletableFuture<Optional<CustomerHistory>> history(long id);

  /**
   * Creates each row's customer, or renames the customer who has its phone (the row's name wins),
   * in one transaction; the outcomes are in row order.
   */
  CompletableFuture<List<Upsert>> upsertAll(List<CustomerDraft.Valid> rows);
}
