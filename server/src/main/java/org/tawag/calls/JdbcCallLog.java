package org.tawag.calls;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tawag.db.Database;

/**
 * The SQL side of the call log: writes batches of calls idempotently (a call is upserted by id, an
 * event inserted unless its {@code (call_id, seq)} is there already), so a replay of the spool
 * never writes anything twice; and reads them back. Every method blocks: call it only on a {@link
 * org.tawag.db.JdbcWorkers} thread.
 */
public final class JdbcCallLog {
  private static final String COLUMNS =
      "id, direction, trunk, caller, dialled, queue, agent, arrived_at, queued_at, offered_at,"
          + " answered_at, ended_at, wait_ms, talk_ms, hold_ms, wrap_up_ms, outcome, order_id,"
          + " disposition, customer_id, campaign_contact_id";
  private static final String PARAMS =
      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
  private static final String UPDATES =
      "direction = EXCLUDED.direction, trunk = EXCLUDED.trunk, caller = EXCLUDED.caller,"
          + " dialled = EXCLUDED.dialled, queue = EXCLUDED.queue, agent = EXCLUDED.agent,"
          + " arrived_at = EXCLUDED.arrived_at, queued_at = EXCLUDED.queued_at,"
          + " offered_at = EXCLUDED.offered_at, answered_at = EXCLUDED.answered_at,"
          + " ended_at = EXCLUDED.ended_at, wait_ms = EXCLUDED.wait_ms,"
          + " talk_ms = EXCLUDED.talk_ms, hold_ms = EXCLUDED.hold_ms,"
          + " wrap_up_ms = EXCLUDED.wrap_up_ms, outcome = EXCLUDED.outcome,"
          + " order_id = EXCLUDED.order_id, disposition = EXCLUDED.disposition,"
          + " customer_id = EXCLUDED.customer_id,"
          + " campaign_contact_id = EXCLUDED.campaign_contact_id";
  private static final String EVENT_COLUMNS = "call_id, seq, at, kind, agent, detail";

  private final Database database;
  private final String upsertCall;
  private final String insertEvent;

  /** A call log over {@code database}, using its dialect for the two statements that differ. */
  public JdbcCallLog(Database database) {
    this.database = database;
    switch (database.dialect()) {
      case POSTGRESQL -> {
        upsertCall =
            "INSERT INTO calls ("
                + COLUMNS
                + ") VALUES ("
                + PARAMS
                + ") ON CONFLICT (id) DO UPDATE SET "
                + UPDATES;
        insertEvent =
            "INSERT INTO call_events ("
                + EVENT_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (call_id, seq) DO NOTHING";
      }
      case H2 -> {
        // H2's MERGE ... KEY is an upsert in every H2 mode; its ON CONFLICT is DO NOTHING only.
        upsertCall = "MERGE INTO calls (" + COLUMNS + ") KEY (id) VALUES (" + PARAMS + ")";
        // One writer thread per database, so "insert unless present" needs no stronger lock.
        insertEvent =
            "INSERT INTO call_events ("
                + EVENT_COLUMNS
                + ") SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM call_events WHERE call_id = ? AND seq = ?)";
      }
      default -> throw new IllegalArgumentException("unsupported dialect " + database.dialect());
    }
  }

  /** Writes {@code batch} in one transaction: all of it or, on an exception, none of it. */
  public void write(List<LoggedCall> batch) throws SQLException {
    if (batch.isEmpty()) {
      return;
    }
    try (Connection c = database.connection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement calls = c.prepareStatement(upsertCall)) {
          for (LoggedCall lc : batch) {
            bindCall(calls, lc.record());
            calls.addBatch();
          }
          calls.executeBatch();
        }
        try (PreparedStatement events = c.prepareStatement(insertEvent)) {
          int n = 0;
          for (LoggedCall lc : batch) {
            for (QueueEvent e : lc.events()) {
              bindEvent(events, e);
              events.addBatch();
              n++;
            }
          }
          if (n > 0) {
            events.executeBatch();
          }
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      }
    }
  }

  /** Whether the database answers a connection check within {@code timeoutSeconds}. */
  public boolean reachable(int timeoutSeconds) {
    try (Connection c = database.connection()) {
      return c.isValid(timeoutSeconds);
    } catch (SQLException e) {
      return false;
    }
  }

  /** The stored record of call {@code id}, if any. */
  public Optional<CallRecord> find(String id) throws SQLException {
    try (Connection c = database.connection();
        PreparedStatement s =
            c.prepareStatement("SELECT " + COLUMNS + " FROM calls WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(readCall(rs)) : Optional.empty();
      }
    }
  }

  /** The stored events of call {@code id}, by seq. */
  public List<QueueEvent> events(String id) throws SQLException {
    try (Connection c = database.connection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT " + EVENT_COLUMNS + " FROM call_events WHERE call_id = ? ORDER BY seq")) {
      s.setString(1, id);
      List<QueueEvent> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(
              new QueueEvent(
                  rs.getString(1),
                  rs.getInt(2),
                  instant(rs, 3),
                  QueueEvent.Kind.fromCode(rs.getString(4)),
                  rs.getString(5),
                  rs.getString(6)));
        }
      }
      return out;
    }
  }

  private static void bindCall(PreparedStatement s, CallRecord r) throws SQLException {
    s.setString(1, r.id());
    s.setString(2, r.direction().code());
    s.setString(3, r.trunk());
    s.setString(4, r.caller());
    s.setString(5, r.dialled());
    s.setString(6, r.queue());
    s.setString(7, r.agent());
    setInstant(s, 8, r.arrivedAt());
    setInstant(s, 9, r.queuedAt());
    setInstant(s, 10, r.offeredAt());
    setInstant(s, 11, r.answeredAt());
    setInstant(s, 12, r.endedAt());
    s.setLong(13, r.waited().toMillis());
    s.setLong(14, r.talked().toMillis());
    s.setLong(15, r.held().toMillis());
    s.setLong(16, r.wrapUp().toMillis());
    s.setString(17, r.outcome() == null ? null : r.outcome().code());
    s.setString(18, r.orderId());
    s.setString(19, r.disposition());
    setLong(s, 20, r.customerId());
    setLong(s, 21, r.campaignContactId());
  }

  private static void setLong(PreparedStatement s, int i, Long value) throws SQLException {
    if (value == null) {
      s.setNull(i, Types.BIGINT);
    } else {
      s.setLong(i, value);
    }
  }

  private static Long getLong(ResultSet rs, int i) throws SQLException {
    long v = rs.getLong(i);
    return rs.wasNull() ? null : v;
  }

  private void bindEvent(PreparedStatement s, QueueEvent e) throws SQLException {
    s.setString(1, e.callId());
    s.setInt(2, e.seq());
    setInstant(s, 3, e.at());
    s.setString(4, e.kind().code());
    s.setString(5, e.agent());
    s.setString(6, e.detail());
    if (database.dialect() == Database.Dialect.H2) {
      s.setString(7, e.callId());
      s.setInt(8, e.seq());
    }
  }

  private static CallRecord readCall(ResultSet rs) throws SQLException {
    String outcome = rs.getString(17);
    return CallRecord.builder(
            rs.getString(1), CallRecord.Direction.fromCode(rs.getString(2)), instant(rs, 8))
        .trunk(rs.getString(3))
        .caller(rs.getString(4))
        .dialled(rs.getString(5))
        .queue(rs.getString(6))
        .agent(rs.getString(7))
        .queuedAt(instant(rs, 9))
        .offeredAt(instant(rs, 10))
        .answeredAt(instant(rs, 11))
        .ended(instant(rs, 12), outcome == null ? null : CallRecord.Outcome.fromCode(outcome))
        .waited(Duration.ofMillis(rs.getLong(13)))
        .talked(Duration.ofMillis(rs.getLong(14)))
        .held(Duration.ofMillis(rs.getLong(15)))
        .wrapUp(Duration.ofMillis(rs.getLong(16)))
        .orderId(rs.getString(18))
        .disposition(rs.getString(19))
        .customerId(getLong(rs, 20))
        .campaignContactId(getLong(rs, 21))
        .build();
  }

  private static void setInstant(PreparedStatement s, int i, Instant value) throws SQLException {
    if (value == null) {
      s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      s.setObject(i, value.atOffset(ZoneOffset.UTC));
    }
  }

  private static Instant instant(ResultSet rs, int i) throws SQLException {
    OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
