package org.tawag.queue.callback;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.tawag.db.Database;
import org.tawag.db.JdbcWorkers;

/**
 * Callback requests in the {@code callback_requests} table (V5), written on the {@link
 * JdbcWorkers}. One row per call: {@code call_id} is unique and a repeated insert does nothing, so
 * a retried write never makes a second request.
 */
public final class JdbcCallbackRequests implements CallbackRequests {
  static final String OPEN = "open";

  private final Database database;
  private final JdbcWorkers workers;

  public JdbcCallbackRequests(Database database, JdbcWorkers workers) {
    this.database = database;
    this.workers = workers;
  }

  @Override
  public CompletableFuture<Void> add(CallbackRequest request) {
    return workers.submit(
        () -> {
          insert(request);
          return null;
        });
  }

  /** The open requests, oldest first, at most {@code limit}; read on a worker. */
  public CompletableFuture<List<CallbackRequest>> open(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive but was " + limit);
    }
    return workers.submit(() -> select(limit));
  }

  private void insert(CallbackRequest r) throws SQLException {
    String sql =
        "INSERT INTO callback_requests (call_id, queue, caller, requested_at, status)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    try (Connection c = database.connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, r.callId());
      ps.setString(2, r.queue());
      ps.setString(3, r.caller());
      ps.setObject(4, r.requestedAt().atOffset(ZoneOffset.UTC));
      ps.setString(5, OPEN);
      ps.executeUpdate();
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }

  private List<CallbackRequest> select(int limit) throws SQLException {
    String sql =
        "SELECT call_id, queue, caller, requested_at FROM callback_requests WHERE status = ?"
            + " ORDER BY requested_at, id LIMIT ?";
    try (Connection c = database.connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, OPEN);
      ps.setInt(2, limit);
      List<CallbackRequest> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new CallbackRequest(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getObject(4, OffsetDateTime.class).toInstant()));
        }
      }
      return out;
    }
  }
}
