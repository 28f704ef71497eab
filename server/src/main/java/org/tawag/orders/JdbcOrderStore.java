package org.tawag.orders;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.tawag.db.Database;
import org.tawag.db.JdbcWorkers;
import org.tawag.db.Transactions;

/**
 * The {@link OrderStore} on the store's database: validation on the caller's thread (pure and
 * quick), SQL on {@link JdbcWorkers}, each save or status change in one transaction with the order
 * row locked, so two operators saving the same order do not interleave.
 */
public final class JdbcOrderStore implements OrderStore {
  /** Most open orders a screen pop lists. */
  public static final int SCREEN_POP_ORDERS = 20;

  /** Most earlier calls a screen pop lists. */
  public static final int SCREEN_POP_CALLS = 5;

  /** Most addresses a screen pop suggests. */
  public static final int SCREEN_POP_ADDRESSES = 10;

  /** Most orders {@link #ordersOfCustomer} returns. */
  public static final int MAX_CUSTOMER_ORDERS = 500;

  private static final int MAX_USERNAME = 255;

  private final Database database;
  private final JdbcWorkers workers;
  private final OrderSettings settings;
  private final Clock clock;

  /** A store over {@code database}, running its SQL on {@code workers}. */
  public JdbcOrderStore(
      Database database, JdbcWorkers workers, OrderSettings settings, Clock clock) {
    this.database = database;
    this.workers = workers;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<ScreenPop> screenPop(String callerNumber) {
    Optional<String> phone = PhoneNumbers.normalise(callerNumber, settings.defaultCountryCode());
    if (phone.isEmpty()) {
      return CompletableFuture.completedFuture(ScreenPop.empty());
    }
    String e164 = phone.get();
    return workers.submit(
        () -> {
          try (Connection c = database.connection()) {
            List<CallSummary> calls =
                RecentCalls.of(
                    c,
                    RecentCalls.callerForms(e164, callerNumber, settings.defaultCountryCode()),
                    SCREEN_POP_CALLS);
            Optional<Customer> customer = CustomerRows.byPhone(c, e164);
            if (customer.isEmpty()) {
              return new ScreenPop(e164, null, List.of(), calls, List.of());
            }
            long id = customer.get().id();
            return new ScreenPop(
                e164,
                customer.get(),
                OrderRows.ofCustomer(c, id, true, SCREEN_POP_ORDERS),
                calls,
                CustomerRows.addresses(c, id, SCREEN_POP_ADDRESSES));
          }
        });
  }

  @Override
  public CompletableFuture<Order> saveOrder(OrderDraft draft, String username) {
    checkUsername(username);
    OrderDetails details;
    try {
      details = draft.validate(settings);
    } catch (ValidationException e) {
      return CompletableFuture.failedFuture(e);
    }
    // A second try covers two operators creating the same new customer at once: the loser's
    // insert breaks the unique phone, and on retry it finds the winner's row.
    return workers.submit(
        () -> {
          try {
            return inTransaction(c -> save(c, details, username));
          } catch (SQLException e) {
            if (!Sql.UNIQUE_VIOLATION.equals(e.getSQLState())) {
              throw e;
            }
            return inTransaction(c -> save(c, details, username));
          }
        });
  }

  private Order save(Connection c, OrderDetails d, String user) throws SQLException {
    Instant now = now();
    Customer customer = CustomerRows.upsert(c, d.fullName(), d.phone(), now);
    if (d.address() != null) {
      CustomerRows.rememberAddress(c, customer.id(), d.address(), now);
    }
    String id = d.orderId();
    if (id == null) {
      OrderStatus status = d.status() == null ? OrderStatus.NEW : d.status();
      if (status != OrderStatus.NEW && !OrderStatus.NEW.canMoveTo(status)) {
        throw new ValidationException(
            FieldErrors.of("status", "a new order cannot start as " + status.code()));
      }
      id = OrderRows.nextId(c);
      OrderRows.insert(c, id, customer.id(), d, status, user, now);
      OrderRows.addHistory(c, id, null, status, user, now);
    } else {
      OrderStatus current =
          OrderRows.lockStatus(c, id)
              .orElseThrow(() -> new ValidationException(FieldErrors.of("id", "names no order")));
      OrderStatus status = d.status() == null ? current : d.status();
      checkEditable(current, status);
      if (status == OrderStatus.SCHEDULED && d.visitDate() == null) {
        throw new ValidationException(
            FieldErrors.of("visitDate", "is required for a scheduled order"));
      }
      OrderRows.update(c, id, customer.id(), d, status, user, now);
      if (status != current) {
        OrderRows.addHistory(c, id, current, status, user, now);
      }
    }
    return OrderRows.find(c, id).orElseThrow();
  }

  private static void checkEditable(OrderStatus current, OrderStatus wanted) {
    if (!current.isOpen()) {
      throw new ValidationException(
          FieldErrors.of("status", "the order is " + current.code() + " and can no longer change"));
    }
    if (wanted != current && !current.canMoveTo(wanted)) {
      throw new ValidationException(FieldErrors.of("status", cannotMove(current, wanted)));
    }
  }

  @Override
  public CompletableFuture<Optional<Order>> findOrder(String id) {
    return workers.submit(
        () -> {
          try (Connection c = database.connection()) {
            return OrderRows.find(c, id);
          }
        });
  }

  @Override
  public CompletableFuture<List<Order>> ordersOfCustomer(long customerId) {
    return workers.submit(
        () -> {
          try (Connection c = database.connection()) {
            return OrderRows.ofCustomer(c, customerId, false, MAX_CUSTOMER_ORDERS);
          }
        });
  }

  @Override
  public CompletableFuture<Order> changeStatus(String id, OrderStatus to, String username) {
    checkUsername(username);
    if (to == null) {
      throw new IllegalArgumentException("status must not be null");
    }
    return workers.submit(() -> inTransaction(c -> moveStatus(c, id, to, username)));
  }

  private Order moveStatus(Connection c, String id, OrderStatus to, String user)
      throws SQLException {
    OrderStatus current =
        OrderRows.lockStatus(c, id).orElseThrow(() -> new OrderNotFoundException(id));
    if (current == to) {
      return OrderRows.find(c, id).orElseThrow();
    }
    if (!current.canMoveTo(to)) {
      throw new ValidationException(FieldErrors.of("status", cannotMove(current, to)));
    }
    if (to == OrderStatus.SCHEDULED && OrderRows.find(c, id).orElseThrow().visitDate() == null) {
      throw new ValidationException(
          FieldErrors.of("visitDate", "is required for a scheduled order"));
    }
    Instant now = now();
    OrderRows.updateStatus(c, id, to, user, now);
    OrderRows.addHistory(c, id, current, to, user, now);
    return OrderRows.find(c, id).orElseThrow();
  }

  @Override
  public CompletableFuture<Page<Order>> listOrders(OrderFilter filter, int limit, int offset) {
    return workers.submit(
        () -> {
          try (Connection c = database.connection()) {
            return OrderRows.list(c, filter, limit, offset);
          }
        });
  }

  @Override
  public CompletableFuture<List<StatusChange>> statusHistory(String id) {
    return workers.submit(
        () -> {
          try (Connection c = database.connection()) {
            return OrderRows.history(c, id);
          }
        });
  }

  private static String cannotMove(OrderStatus from, OrderStatus to) {
    List<String> allowed = from.next().stream().map(OrderStatus::code).toList();
    return "cannot change from "
        + from.code()
        + " to "
        + to.code()
        + (allowed.isEmpty() ? "" : "; allowed: " + String.join(", ", allowed));
  }

  // PostgreSQL keeps microseconds; truncating here makes what we return equal what we read back.
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static void checkUsername(String username) {
    if (username == null || username.isBlank() || username.length() > MAX_USERNAME) {
      throw new IllegalArgumentException(
          "username must be 1 to " + MAX_USERNAME + " characters but was " + username);
    }
  }

  private <T> T inTransaction(Transactions.Work<T> work) throws SQLException {
    return Transactions.run(database, work);
  }
}
