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
 * SQL for {@code orders} and {@code order_status_history}. Every method blocks and works in the
 * caller's connection (and transaction): call it only on a {@link org.tawag.db.JdbcWorkers} thread.
 */
final class OrderRows {
  private static final String SELECT =
      "SELECT o.id, o.service_type, o.status, o.requested_date, o.visit_date, o.visit_window,"
          + " o.address_city, o.address_street, o.address_house, o.address_flat, o.materials,"
          + " o.amount, o.notes, o.created_by, o.updated_by, o.created_at, o.updated_at, o.type_fields, "
          + CustomerRows.COLUMNS
          + " FROM orders o JOIN customers c ON c.id = o.customer_id";

  /** The fields a save writes, in the order {@link #bindFields} binds them. */
  private static final String FIELDS =
      "customer_id, service_type, status, requested_date, visit_date, visit_window, address_city,"
          + " address_street, address_house, address_flat, materials, amount, notes, type_fields,"
          + " updated_by, updated_at";

  private static final int FIELD_COUNT = 16;

  private OrderRows() {}

  /** A fresh order id from the sequence: {@code O-} and at least six digits. */
  static String nextId(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT nextval('order_number_seq')");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return String.format("O-%06d", rs.getLong(1));
    }
  }

  /** Inserts a new order with {@code status}, created and last updated by {@code user}. */
  static void insert(
      Connection c,
      String id,
      long customerId,
      OrderDetails d,
      OrderStatus status,
      String user,
      Instant now)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO orders (id, created_by, created_at, "
                + FIELDS
                + ") VALUES (?, ?, ?"
                + ", ?".repeat(FIELD_COUNT)
                + ")")) {
      s.setString(1, id);
      s.setString(2, user);
      Sql.setInstant(s, 3, now);
      bindFields(s, 4, customerId, d, status, user, now);
      s.executeUpdate();
    }
  }

  /** Replaces every field of order {@code id} the form edits. */
  static void update(
      Connection c,
      String id,
      long customerId,
      OrderDetails d,
      OrderStatus status,
      String user,
      Instant now)
      throws SQLException {
    String set = String.join(" = ?, ", FIELDS.split(",\\s*")) + " = ?";
    try (PreparedStatement s = c.prepareStatement("UPDATE orders SET " + set + " WHERE id = ?")) {
      bindFields(s, 1, customerId, d, status, user, now);
      s.setString(FIELD_COUNT + 1, id);
      s.executeUpdate();
    }
  }

  private static void bindFields(
      PreparedStatement s,
      int first,
      long customerId,
      OrderDetails d,
      OrderStatus status,
      String user,
      Instant now)
      throws SQLException {
    int i = first;
    Address a = d.address();
    s.setLong(i++, customerId);
    s.setString(i++, d.serviceType());
    s.setString(i++, status.code());
    Sql.setDate(s, i++, d.requestedDate());
    Sql.setDate(s, i++, d.visitDate());
    s.setString(i++, d.visitWindow() == null ? null : d.visitWindow().toString());
    s.setString(i++, a == null ? null : a.city());
    s.setString(i++, a == null ? null : a.street());
    s.setString(i++, a == null ? null : a.house());
    s.setString(i++, a == null ? null : a.flat());
    s.setString(i++, d.materials());
    Sql.setAmount(s, i++, d.amount());
    s.setString(i++, d.notes());
    s.setString(i++, d.fields().isEmpty() ? null : OrderJson.encodeFields(d.fields()));
    s.setString(i++, user);
    Sql.setInstant(s, i, now);
  }

  /** Sets only the status of order {@code id}, as a status change does. */
  static void updateStatus(Connection c, String id, OrderStatus to, String user, Instant now)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE orders SET status = ?, updated_by = ?, updated_at = ? WHERE id = ?")) {
      s.setString(1, to.code());
      s.setString(2, user);
      Sql.setInstant(s, 3, now);
      s.setString(4, id);
      s.executeUpdate();
    }
  }

  /**
   * Locks order {@code id} for the rest of the transaction and returns its status, or empty when
   * there is no such order. Locking the order row alone works the same on H2 and PostgreSQL.
   */
  static Optional<OrderStatus> lockStatus(Connection c, String id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT status FROM orders WHERE id = ? FOR UPDATE")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? OrderStatus.fromCode(rs.getString(1)) : Optional.empty();
      }
    }
  }

  static Optional<Order> find(Connection c, String id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE o.id = ?")) {
      s.setString(1, id);
      List<Order> found = readAll(s);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
  }

  /** The customer's orders, newest first; only open ones if {@code openOnly}; at most limit. */
  static List<Order> ofCustomer(Connection c, long customerId, boolean openOnly, int limit)
      throws SQLException {
    String where =
        openOnly
            ? " WHERE o.customer_id = ? AND o.status NOT IN ('done', 'cancelled')"
            : " WHERE o.customer_id = ?";
    try (PreparedStatement s =
        c.prepareStatement(SELECT + where + " ORDER BY o.created_at DESC, o.id DESC LIMIT ?")) {
      s.setLong(1, customerId);
      s.setInt(2, limit);
      return readAll(s);
    }
  }

  /** One page of the orders {@code f} matches, newest first, with the count of all matches. */
  static Page<Order> list(Connection c, OrderFilter f, int limit, int offset) throws SQLException {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (f.status() != null) {
      where.append(" AND o.status = ?");
      params.add(f.status().code());
    }
    if (f.serviceType() != null) {
      where.append(" AND o.service_type = ?");
      params.add(f.serviceType());
    }
    if (f.customerId() != null) {
      where.append(" AND o.customer_id = ?");
      params.add(f.customerId());
    }
    if (f.createdFrom() != null) {
      where.append(" AND o.created_at >= ?");
      params.add(f.createdFrom());
    }
    if (f.createdTo() != null) {
      where.append(" AND o.created_at < ?");
      params.add(f.createdTo());
    }
    long total;
    try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM orders o" + where)) {
      bind(s, params);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        total = rs.getLong(1);
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            SELECT + where + " ORDER BY o.created_at DESC, o.id DESC LIMIT ? OFFSET ?")) {
      int next = bind(s, params);
      s.setInt(next, limit);
      s.setInt(next + 1, offset);
      return new Page<>(readAll(s), total, limit, offset);
    }
  }

  private static int bind(PreparedStatement s, List<Object> params) throws SQLException {
    int i = 1;
    for (Object p : params) {
      if (p instanceof Instant t) {
        Sql.setInstant(s, i++, t);
      } else if (p instanceof Long n) {
        s.setLong(i++, n);
      } else {
        s.setString(i++, (String) p);
      }
    }
    return i;
  }

  static void addHistory(
      Connection c, String id, OrderStatus from, OrderStatus to, String user, Instant now)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO order_status_history (order_id, at, from_status, to_status, by_user)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      s.setString(1, id);
      Sql.setInstant(s, 2, now);
      s.setString(3, from == null ? null : from.code());
      s.setString(4, to.code());
      s.setString(5, user);
      s.executeUpdate();
    }
  }

  static List<StatusChange> history(Connection c, String id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT at, from_status, to_status, by_user FROM order_status_history"
                + " WHERE order_id = ? ORDER BY at, id")) {
      s.setString(1, id);
      List<StatusChange> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String from = rs.getString("from_status");
          out.add(
              new StatusChange(
                  id,
                  Sql.instant(rs, "at"),
                  from == null ? null : status(from),
                  status(rs.getString("to_status")),
                  rs.getString("by_user")));
        }
      }
      return out;
    }
  }

  private static List<Order> readAll(PreparedStatement s) throws SQLException {
    List<Order> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(read(rs));
      }
    }
    return out;
  }

  private static Order read(ResultSet rs) throws SQLException {
    String city = rs.getString("address_city");
    Address address =
        city == null
            ? null
            : new Address(
                city,
                rs.getString("address_street"),
                rs.getString("address_house"),
                rs.getString("address_flat"));
    String window = rs.getString("visit_window");
    return new Order(
        rs.getString("id"),
        CustomerRows.read(rs),
        rs.getString("service_type"),
        status(rs.getString("status")),
        address,
        Sql.date(rs, "requested_date"),
        Sql.date(rs, "visit_date"),
        window == null ? null : VisitWindow.parse(window).orElseThrow(),
        rs.getString("materials"),
        rs.getBigDecimal("amount"),
        rs.getString("notes"),
        rs.getString("created_by"),
        rs.getString("updated_by"),
        Sql.instant(rs, "created_at"),
        Sql.instant(rs, "updated_at"),
        OrderJson.decodeFields(rs.getString("type_fields")));
  }

  private static OrderStatus status(String code) throws SQLException {
    return OrderStatus.fromCode(code)
        .orElseThrow(() -> new SQLException("unknown order status in the database: " + code));
  }
}
