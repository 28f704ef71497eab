package org.tawag.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tawag.db.Database;

/**
 * What {@link JdbcCallLog} must do on every supported database: the migrations make the tables, a
 * record and its events read back equal, a repeated write changes nothing, a later version replaces
 * the earlier. Subclasses supply the database.
 */
abstract class JdbcCallLogContract {
  /** The open, migrated database under test; fresh tables per test class. */
  abstract Database database();

  /** A call id unique across the test class (tests share one database). */
  abstract String id(String name);

  JdbcCallLog log() {
    return new JdbcCallLog(database());
  }

  @Test
  void migrationsCreateBothTables() throws SQLException {
    assertTrue(count("SELECT COUNT(*) FROM calls") >= 0);
    assertTrue(count("SELECT COUNT(*) FROM call_events") >= 0);
    assertEquals(1, count("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '1'"));
  }

  @Test
  void recordAndEventsReadBackEqual() throws SQLException {
    String id = id("read-back");
    CallRecord r = CallRecords.ended(id);
    log().write(List.of(new LoggedCall(r, CallRecords.endedEvents(id))));

    assertEquals(Optional.of(r), log().find(id));
    assertEquals(CallRecords.endedEvents(id), log().events(id));
  }

  @Test
  void unknownCallIsEmpty() throws SQLException {
    assertEquals(Optional.empty(), log().find(id("nobody")));
    assertEquals(List.of(), log().events(id("nobody")));
  }

  @Test
  void writingTwiceLeavesOneRowAndNoDuplicateEvents() throws SQLException {
    String id = id("twice");
    LoggedCall call = new LoggedCall(CallRecords.ended(id), CallRecords.endedEvents(id));
    log().write(List.of(call));
    log().write(List.of(call, call));

    assertEquals(1, count("SELECT COUNT(*) FROM calls WHERE id = '" + id + "'"));
    assertEquals(6, count("SELECT COUNT(*) FROM call_events WHERE call_id = '" + id + "'"));
  }

  @Test
  void laterVersionReplacesFieldsAndAddsNewEvents() throws SQLException {
    String id = id("update");
    log().write(List.of(new LoggedCall(CallRecords.answered(id), CallRecords.answeredEvents(id))));
    assertEquals(null, log().find(id).orElseThrow().outcome());

    CallRecord ended = CallRecords.ended(id);
    log().write(List.of(new LoggedCall(ended, CallRecords.endedEvents(id))));

    CallRecord stored = log().find(id).orElseThrow();
    assertEquals(ended, stored);
    assertEquals(CallRecord.Outcome.COMPLETED_BY_CALLER, stored.outcome());
    assertEquals("ORD-42", stored.orderId());
    assertEquals(CallRecords.endedEvents(id), log().events(id));
  }

  @Test
  void minimalOutboundCallWithNullsRoundTrips() throws SQLException {
    String id = id("minimal");
    CallRecord r =
        CallRecord.builder(id, CallRecord.Direction.OUT, CallRecords.T0)
            .ended(CallRecords.T0, CallRecord.Outcome.FAILED)
            .build();
    log().write(List.of(new LoggedCall(r, List.of())));
    assertEquals(Optional.of(r), log().find(id));
  }

  @Test
  void failedBatchWritesNothing() throws SQLException {
    String good = id("batch-good");
    String bad = id("batch-bad");
    // A rule the Java types cannot break, added for this test: the database refuses the second
    // call, and the first, in the same transaction, must not stay behind.
    execute("ALTER TABLE calls ADD CONSTRAINT test_refuse_ck CHECK (id <> '" + bad + "')");
    try {
      LoggedCall ok = new LoggedCall(CallRecords.ended(good), CallRecords.endedEvents(good));
      LoggedCall refused = new LoggedCall(CallRecords.ended(bad), List.of());
      assertThrows(SQLException.class, () -> log().write(List.of(ok, refused)));
    } finally {
      execute("ALTER TABLE calls DROP CONSTRAINT test_refuse_ck");
    }
    assertEquals(Optional.empty(), log().find(good));
    assertEquals(List.of(), log().events(good));
  }

  void execute(String sql) throws SQLException {
    try (Connection c = database().connection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  long count(String sql) throws SQLException {
    try (Connection c = database().connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
