package org.tawag.queue.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tawag.db.Database;
import org.tawag.db.JdbcWorkers;

/**
 * What {@link JdbcCallbackRequests} must do on every supported database: a request reads back open
 * and equal, one row per call however often it is written, open ones oldest first. Subclasses
 * supply the database; each test cleans the table.
 */
abstract class JdbcCallbackRequestsContract {
  private static final Instant T0 = Instant.parse("2025-03-01T09:00:00.123456Z");

  private JdbcWorkers workers;
  private JdbcCallbackRequests requests;

  /** The open, migrated database under test. */
  abstract Database database();

  @BeforeEach
  void start() throws SQLException {
    execute("DELETE FROM callback_requests");
    workers = new JdbcWorkers(1, 16);
    requests = new JdbcCallbackRequests(database(), workers);
  }

  @AfterEach
  void stop() {
    workers.close();
  }

  @Test
  void addedRequestReadsBackOpenAndEqual() throws Exception {
    CallbackRequest r = new CallbackRequest("call-1@pbx", "support", "+15550100", T0);
    requests.add(r).get(10, TimeUnit.SECONDS);

    assertEquals(List.of(r), requests.open(10).get(10, TimeUnit.SECONDS));
    assertEquals("open", scalar("SELECT status FROM callback_requests WHERE call_id = ?", r));
  }

  @Test
  void aRepeatedRequestOfTheSameCallLeavesOneRow() throws Exception {
    CallbackRequest r = new CallbackRequest("call-2@pbx", "support", "+15550100", T0);
    requests.add(r).get(10, TimeUnit.SECONDS);
    requests.add(r).get(10, TimeUnit.SECONDS);

    assertEquals(1L, ((Number) scalar("SELECT COUNT(*) FROM callback_requests", null)).longValue());
  }

  @Test
  void openRequestsComeOldestFirstUpToTheLimit() throws Exception {
    CallbackRequest late = new CallbackRequest("late", "sales", null, T0.plusSeconds(60));
    CallbackRequest early = new CallbackRequest("early", "support", "+15550101", T0);
    CallbackRequest middle = new CallbackRequest("middle", "support", "", T0.plusSeconds(5));
    for (CallbackRequest r : List.of(late, early, middle)) {
      requests.add(r).get(10, TimeUnit.SECONDS);
    }

    assertEquals(List.of(early, middle, late), requests.open(10).get(10, TimeUnit.SECONDS));
    assertEquals(List.of(early), requests.open(1).get(10, TimeUnit.SECONDS));
    assertEquals(null, middle.caller(), "a blank caller is stored as none");
  }

  @Test
  void aClosedStoreFailsTheFutureInsteadOfThrowing() {
    workers.close();
    CallbackRequest r = new CallbackRequest("call-3", "support", null, T0);
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> requests.add(r).get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof java.util.concurrent.RejectedExecutionException, "" + e);
  }

  @Test
  void theCallerNumberStaysOutOfToString() {
    CallbackRequest r = new CallbackRequest("call-4", "support", "+15550100", T0);
    assertTrue(!r.toString().contains("5550100"), r.toString());
  }

  private Object scalar(String sql, CallbackRequest param) throws SQLException {
    try (Connection c = database().connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      if (param != null) {
        ps.setString(1, param.callId());
      }
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), sql);
        return rs.getObject(1);
      }
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = database().connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.executeUpdate();
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }
}
