package org.tawag.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SQL for {@code customers} and {@code customer_addresses}. Every method blocks and works in the
 * caller's connection (and transaction): call it only on a {@link org.tawag.db.JdbcWorkers} thread.
 */
public final class CustomerRows {
  /** The customer columns of {@code customers c}, labelled so they can join with orders. */
  static final String COLUMNS =
      "c.id AS customer_id, c.full_name AS customer_full_name, c.phone AS customer_phone,"
          + " c.created_at AS customer_created_at, c.updated_at AS customer_updated_at";

  private CustomerRows() {}

  public static Optional<Customer> byPhone(Connection c, String phone) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT " + COLUMNS + " FROM customers c WHERE c.phone = ?")) {
      s.setString(1, phone);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  static Optional<Customer> byId(Connection c, long id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT " + COLUMNS + " FROM customers c WHERE c.id = ?")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /**
   * The customer with {@code phone}, created if new and renamed if the name changed. Two workers
   * creating the same new phone at once: one of them fails with a unique violation, and the caller
   * retries its transaction.
   */
  public static Customer upsert(Connection c, String fullName, String phone, Instant now)
      throws SQLException {
    Optional<Customer> found = byPhone(c, phone);
    if (found.isPresent()) {
      Customer existing = found.get();
      if (existing.fullName().equals(fullName)) {
        return existing;
      }
      try (PreparedStatement s =
          c.prepareStatement("UPDATE customers SET full_name = ?, updated_at = ? WHERE id = ?")) {
        s.setString(1, fullName);
        Sql.setInstant(s, 2, now);
        s.setLong(3, existing.id());
        s.executeUpdate();
      }
      return new Customer(existing.id(), fullName, phone, existing.createdAt(), now);
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO customers (full_name, phone, created_at, updated_at) VALUES (?, ?, ?, ?)",
            new String[] {"id"})) {
      s.setString(1, fullName);
      s.setString(2, phone);
      Sql.setInstant(s, 3, now);
      Sql.setInstant(s, 4, now);
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("no generated id for a new customer");
        }
        return new Customer(keys.getLong(1), fullName, phone, now, now);
      }
    }
  }

  /** Adds {@code address} to the customer's addresses or marks it used {@code now}. */
  static void rememberAddress(Connection c, long customerId, Address a, Instant now)
      throws SQLException {
    String flat = a.flat() == null ? "" : a.flat();
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE customer_addresses SET last_used_at = ? WHERE customer_id = ? AND city = ?"
                + " AND street = ? AND house = ? AND flat = ?")) {
      Sql.setInstant(s, 1, now);
      s.setLong(2, customerId);
      s.setString(3, a.city());
      s.setString(4, a.street());
      s.setString(5, a.house());
      s.setString(6, flat);
      if (s.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO customer_addresses (customer_id, city, street, house, flat, last_used_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      s.setLong(1, customerId);
      s.setString(2, a.city());
      s.setString(3, a.street());
      s.setString(4, a.house());
      s.setString(5, flat);
      Sql.setInstant(s, 6, now);
      s.executeUpdate();
    }
  }

  /** The customer's addresses, most recently used first, at most {@code limit}. */
  static List<Address> addresses(Connection c, long customerId, int limit) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT city, street, house, flat FROM customer_addresses WHERE customer_id = ?"
                + " ORDER BY last_used_at DESC, id DESC LIMIT ?")) {
      s.setLong(1, customerId);
      s.setInt(2, limit);
      List<Address> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Address(
                  rs.getString("city"),
                  rs.getString("street"),
                  rs.getString("house"),
                  rs.getString("flat")));
        }
      }
      return out;
    }
  }

  /** The customer in the current row, whose columns are {@link #COLUMNS}. */
  static Customer read(ResultSet rs) throws SQLException {
    return new Customer(
        rs.getLong("customer_id"),
        rs.getString("customer_full_name"),
        rs.getString("customer_phone"),
        Sql.instant(rs, "customer_created_at"),
        Sql.instant(rs, "customer_updated_at"));
  }
}
