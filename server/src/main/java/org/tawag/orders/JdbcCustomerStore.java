package org.tawag.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.tawag.db.Database;
import org.tawag.db.JdbcWorkers;
import org.tawag.db.Transactions;

/** The {@link CustomerStore} on the store's database; SQL on {@link JdbcWorkers}. */
public final class JdbcCustomerStore implements CustomerStore {
  /** Most calls a customer's history lists. */
  public static final int HISTORY_CALLS = 200;

  private final Database database;
  private final JdbcWorkers workers;
  private final OrderSettings settings;
  private final Clock clock;

  public JdbcCustomerStore(
      Database database, JdbcWorkers workers, OrderSettings settings, Clock clock) {
    this.database = database;
    this.workers = workers;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<Page<Customer>> search(String query, int limit, int offset) {
    String q = query == null || query.isBlank() ? null : query.strip();
    String where;
    String param;
    if (q == null) {
      where = "";
      param = null;
    } else if (q.matches("[+0-9 ().-]+") && q.chars().anyMatch(Character::isDigit)) {
      where = " WHERE c.phone LIKE ?";
      param = "%" + q.replaceAll("[^0-9]", "") + "%";
    } else {
      where = " WHERE LOWER(c.full_name) LIKE ? ESCAPE '!'";
      param = "%" + like(q.toLowerCase(Locale.ROOT)) + "%";
    }
    return workers.submit(
        () -> {
          try (Connection c = database.connection()) {
            long total;
            try (PreparedStatement s =
                c.prepareStatement("SELECT COUNT(*) FROM customers c" + where)) {
              if (param != null) {
                s.setString(1, param);
              }
              try (ResultSet rs = s.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
              }
            }
            List<Customer> items = new ArrayList<>();
            try (PreparedStatement s =
                c.prepareStatement(
                    "SELECT "
                        + CustomerRows.COLUMNS
                        + " FROM customers c"
                        + where
                        + " ORDER BY c.id LIMIT ? OFFSET ?")) {
              int i = 1;
              if (param != null) {
                s.setString(i++, param);
              }
              s.setInt(i++, limit);
              s.setInt(i, offset);
              try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                  items.add(CustomerRows.read(rs));
                }
              }
            }
            return new Page<>(items, total, limit, offset);
          }
        });
  }

  /** Escapes LIKE wildcards with '!'. */
  private static String like(String s) {
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  @Override
  public CompletableFuture<Optional<Customer>> find(long id) {
    return workers.submit(
        () -> {
          try (Connection c = database.connection()) {
            return CustomerRows.byId(c, id);
          }
        });
  }

  @Override
  public CompletableFuture<Customer> create(CustomerDraft draft) {
    CustomerDraft.Valid v;
    try {
      v = draft.validate(settings);
    } catch (ValidationException e) {
      return CompletableFuture.failedFuture(e);
    }
    return workers.submit(
        () ->
            retryOnce(
                c -> {
                  Optional<Customer> taken = CustomerRows.byPhone(c, v.phone());
                  if (taken.isPresent()) {
                    throw new PhoneTakenException(taken.get().id());
                  }
                  return CustomerRows.upsert(c, v.fullName(), v.phone(), now());
                }));
  }

  @Override
  public CompletableFuture<Optional<Customer>> update(long id, CustomerDraft draft) {
    CustomerDraft.Valid v;
    try {
      v = draft.validate(settings);
    } catch (ValidationException e) {
      return CompletableFuture.failedFuture(e);
    }
    return workers.submit(
        () ->
            retryOnce(
                c -> {
                  Optional<Customer> taken = CustomerRows.byPhone(c, v.phone());
                  if (taken.isPresent() && taken.get().id() != id) {
                    throw new PhoneTakenException(taken.get().id());
                  }
                  Instant now = now();
                  try (PreparedStatement s =
                      c.prepareStatement(
                          "UPDATE customers SET full_name = ?, phone = ?, updated_at = ?"
                              + " WHERE id = ?")) {
                    s.setString(1, v.fullName());
                    s.setString(2, v.phone());
                    Sql.setInstant(s, 3, now);
                    s.setLong(4, id);
                    if (s.executeUpdate() == 0) {
                      return Optional.empty();
                    }
                  }
                  return CustomerRows.byId(c, id);
                }));
  }

  @Override
  public CompletableFuture<Optional<CustomerHistory>> history(long id) {
    return workers.submit(
        () -> {
          try (Connection c = database.connection()) {
            Optional<Customer> customer = CustomerRows.byId(c, id);
            if (customer.isEmpty()) {
              return Optional.empty();
            }
            String phone = customer.get().phone();
            return Optional.of(
                new CustomerHistory(
                    customer.get(),
                    RecentCalls.of(
                        c,
                        RecentCalls.callerForms(phone, null, settings.defaultCountryCode()),
                        HISTORY_CALLS),
                    OrderRows.ofCustomer(c, id, false, JdbcOrderStore.MAX_CUSTOMER_ORDERS)));
          }
        });
  }

  @Override
  public CompletableFuture<List<Upsert>> upsertAll(List<CustomerDraft.Valid> rows) {
    List<CustomerDraft.Valid> copy = List.copyOf(rows);
    return workers.submit(
        () ->
            retryOnce(
                c -> {
                  Instant now = now();
                  List<Upsert> out = new ArrayList<>(copy.size());
                  for (CustomerDraft.Valid row : copy) {
                    Optional<Customer> before = CustomerRows.byPhone(c, row.phone());
                    CustomerRows.upsert(c, row.fullName(), row.phone(), now);
                    out.add(
                        before.isEmpty()
                            ? Upsert.CREATED
                            : before.get().fullName().equals(row.fullName())
                                ? Upsert.UNCHANGED
                                : Upsert.UPDATED);
                  }
                  return out;
                }));
  }

  /**
   * Runs {@code work} in a transaction, once more when it broke the unique phone: another worker
   * created the same new customer at once, and the second try finds that row (a taken phone then
   * becomes {@link PhoneTakenException}, an import row an update).
   */
  private <T> T retryOnce(Transactions.Work<T> work) throws SQLException {
    try {
      return Transactions.run(database, work);
    } catch (SQLException e) {
      if (!Sql.UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
      return Transactions.run(database, work);
    }
  }

  // PostgreSQL keeps microseconds; truncating makes what we return equal what we read back.
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
