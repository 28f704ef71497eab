package org.tawag.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.tawag.db.Database;
import org.tawag.db.JdbcWorkers;
import org.tawag.orders.Page;

/**
 * The {@link AuditLog} in table {@code audit_log} (V6), written and read on {@link JdbcWorkers}.
 */
public final class JdbcAuditLog implements AuditLog {
  private static final int MAX_DETAIL = 1000;

  private final Database database;
  private final JdbcWorkers workers;
  private final Clock clock;

  public JdbcAuditLog(Database database, JdbcWorkers workers, Clock clock) {
    this.database = database;
    this.workers = workers;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<Void> record(
      String username, String action, String subject, String detail) {
    OffsetDateTime at = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    String d =
        detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    return workers.submit(
        () -> {
          try (Connection c = database.connection();
              PreparedStatement s =
                  c.prepareStatement(
                      "INSERT INTO audit_log (at, username, action, subject, detail)"
                          + " VALUES (?, ?, ?, ?, ?)")) {
            s.setObject(1, at);
            s.setString(2, username);
            s.setString(3, action);
            s.setString(4, subject);
            s.setString(5, d);
            s.executeUpdate();
            return null;
          }
        });
  }

  @Override
  public CompletableFuture<Page<Entry>> list(String subject, int limit, int offset) {
    String where = subject == null ? "" : " WHERE subject = ?";
    return workers.submit(
        () -> {
          try (Connection c = database.connection()) {
            long total;
            try (PreparedStatement s =
                c.prepareStatement("SELECT COUNT(*) FROM audit_log" + where)) {
              if (subject != null) {
                s.setString(1, subject);
              }
              try (ResultSet rs = s.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
              }
            }
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement s =
                c.prepareStatement(
                    "SELECT id, at, username, action, subject, detail FROM audit_log"
                        + where
                        + " ORDER BY id DESC LIMIT ? OFFSET ?")) {
              int i = 1;
              if (subject != null) {
                s.setString(i++, subject);
              }
              s.setInt(i++, limit);
              s.setInt(i, offset);
              try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                  out.add(
                      new Entry(
                          rs.getLong("id"),
                          rs.getObject("at", OffsetDateTime.class).toInstant(),
                          rs.getString("username"),
                          rs.getString("action"),
                          rs.getString("subject"),
                          rs.getString("detail")));
                }
              }
            }
            return new Page<>(out, total, limit, offset);
          }
        });
  }
}
