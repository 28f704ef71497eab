package org.tawag.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads what a test server stored: rows as maps of lower-case column name to value, and waits for
 * rows written asynchronously (the call log and state logs write off the call path).
 */
public final class CallRows {
  private final TawagTestServer server;

  public CallRows(TawagTestServer server) {
    this.server = server;
  }

  /** The first row of {@code sql} with {@code params}, or null when there is none. */
  public Map<String, Object> one(String sql, Object... params) throws Exception {
    try (Connection c = server.server().store().database().connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        Map<String, Object> row = new HashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
        }
        return row;
      }
    }
  }

  /** Runs {@code sql} (an INSERT or UPDATE that sets up a test) with {@code params}. */
  public int update(String sql, Object... params) throws Exception {
    try (Connection c = server.server().store().database().connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      return ps.executeUpdate();
    }
  }

  /** The first column of every row of {@code sql}, as strings. */
  public List<String> column(String sql, Object... params) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = server.server().store().database().connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** Waits up to {@code wait} for a row of {@code sql} that passes {@code done}. */
  public Map<String, Object> await(
      Duration wait, String what, Predicate<Map<String, Object>> done, String sql, Object... params)
      throws Exception {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      Map<String, Object> row = one(sql, params);
      if (row != null && done.test(row)) {
        return row;
      }
      assertTrue(System.nanoTime() < deadline, "no " + what + " within " + wait);
      Thread.sleep(100);
    }
  }

  /** The call record {@code callId} once it has an outcome (and a disposition, if asked). */
  public Map<String, Object> finishedCall(Duration wait, String callId, boolean withDisposition)
      throws Exception {
    return await(
        wait,
        "finished call record for " + callId,
        r -> r.get("outcome") != null && (!withDisposition || r.get("disposition") != null),
        "SELECT * FROM calls WHERE id = ?",
        callId);
  }

  /** The kinds of {@code callId}'s queue events, in order. */
  public List<String> eventKinds(String callId) throws Exception {
    return column("SELECT kind FROM call_events WHERE call_id = ? ORDER BY seq", callId);
  }
}
