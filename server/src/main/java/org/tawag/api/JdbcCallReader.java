package org.tawag.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.tawag.db.Database;
import org.tawag.db.JdbcWorkers;
import org.tawag.orders.Page;

/**
 * Reads call records ({@code calls}, V1) and their queue events ({@code call_events}) as the API's
 * JSON, on {@link JdbcWorkers}. A read model only: the call log writes these tables.
 */
final class JdbcCallReader {
  private static final String COLUMNS =
      "id, direction, trunk, caller, dialled, queue, agent, arrived_at, queued_at, offered_at,"
          + " answered_at, ended_at, wait_ms, talk_ms, hold_ms, wrap_up_ms, outcome, order_id,"
          + " disposition";

  private final Database database;
  private final JdbcWorkers workers;

  JdbcCallReader(Database database, JdbcWorkers workers) {
    this.database = database;
    this.workers = workers;
  }

  /** One page of the calls {@code f} matches, newest first. */
  CompletableFuture<Page<JsonObject>> list(CallFilter f, int limit, int offset) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    add(where, params, " AND arrived_at >= ?", f.from());
    add(where, params, " AND arrived_at < ?", f.to());
    add(where, params, " AND queue = ?", f.queue());
    add(where, params, " AND agent = ?", f.agent());
    add(where, params, " AND outcome = ?", f.outcome());
    add(where, params, " AND direction = ?", f.direction());
    return workers.submit(
        () -> {
          try (Connection c = database.connection()) {
            long total;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM calls" + where)) {
              bind(s, params);
              try (ResultSet rs = s.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
              }
            }
            try (PreparedStatement s =
                c.prepareStatement(
                    "SELECT "
                        + COLUMNS
                        + " FROM calls"
                        + where
                        + " ORDER BY arrived_at DESC, id DESC LIMIT ? OFFSET ?")) {
              int i = bind(s, params);
              s.setInt(i, limit);
              s.setInt(i + 1, offset);
              return new Page<>(readAll(s), total, limit, offset);
            }
          }
        });
  }

  /** The call with {@code id} and its queue events in order, if any. */
  CompletableFuture<Optional<JsonObject>> find(String id) {
    return workers.submit(
        () -> {
          try (Connection c = database.connection()) {
            JsonObject call;
            try (PreparedStatement s =
                c.prepareStatement("SELECT " + COLUMNS + " FROM calls WHERE id = ?")) {
              s.setString(1, id);
              List<JsonObject> found = readAll(s);
              if (found.isEmpty()) {
                return Optional.empty();
              }
              call = found.get(0);
            }
            JsonArray events = new JsonArray();
            try (PreparedStatement s =
                c.prepareStatement(
                    "SELECT seq, at, kind, agent, detail FROM call_events WHERE call_id = ?"
                        + " ORDER BY seq")) {
              s.setString(1, id);
              try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                  events.add(
                      new JsonObject()
                          .put("seq", rs.getInt("seq"))
                          .put("at", time(rs, "at"))
                          .put("kind", rs.getString("kind"))
                          .put("agent", rs.getString("agent"))
                          .put("detail", rs.getString("detail")));
                }
              }
            }
            return Optional.of(call.put("events", events));
          }
        });
  }

  /** The calls filed against order {@code orderId}, newest first. */
  CompletableFuture<List<JsonObject>> ofOrder(String orderId) {
    return workers.submit(
        () -> {
          try (Connection c = database.connection();
              PreparedStatement s =
                  c.prepareStatement(
                      "SELECT "
                          + COLUMNS
                          + " FROM calls WHERE order_id = ? ORDER BY arrived_at DESC LIMIT 100")) {
            s.setString(1, orderId);
            return readAll(s);
          }
        });
  }

  private static void add(StringBuilder where, List<Object> params, String sql, Object value) {
    if (value != null) {
      where.append(sql);
      params.add(value);
    }
  }

  private static int bind(PreparedStatement s, List<Object> params) throws SQLException {
    int i = 1;
    for (Object p : params) {
      if (p instanceof Instant t) {
        s.setObject(i++, t.atOffset(ZoneOffset.UTC));
      } else {
        s.setString(i++, (String) p);
      }
    }
    return i;
  }

  private static List<JsonObject> readAll(PreparedStatement s) throws SQLException {
    List<JsonObject> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(
            new JsonObject()
                .put("id", rs.getString("id"))
                .put("direction", rs.getString("direction"))
                .put("trunk", rs.getString("trunk"))
                .put("caller", rs.getString("caller"))
                .put("dialled", rs.getString("dialled"))
                .put("queue", rs.getString("queue"))
                .put("agent", rs.getString("agent"))
                .put("arrivedAt", time(rs, "arrived_at"))
                .put("queuedAt", time(rs, "queued_at"))
                .put("offeredAt", time(rs, "offered_at"))
                .put("answeredAt", time(rs, "answered_at"))
                .put("endedAt", time(rs, "ended_at"))
                .put("waitMs", rs.getLong("wait_ms"))
                .put("talkMs", rs.getLong("talk_ms"))
                .put("holdMs", rs.getLong("hold_ms"))
                .put("wrapUpMs", rs.getLong("wrap_up_ms"))
                .put("outcome", rs.getString("outcome"))
                .put("orderId", rs.getString("order_id"))
                .put("disposition", rs.getString("disposition")));
      }
    }
    return out;
  }

  private static String time(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant().toString();
  }
}
