package org.tawag.supervisor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads the finished queue calls of the day from the call log, for {@link TodayFigures}. */
public final class PastCalls {
  private PastCalls() {}

  /**
   * Queue calls that arrived since {@code since} and are over. Blocks: start-up only. Calls an
   * operator placed have no queue and are not read.
   */
  public static List<TodayFigures.PastCall> since(DataSource db, Instant since)
      throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT queue, agent, answered_at, outcome, wait_ms, talk_ms, hold_ms, wrap_up_ms"
                    + " FROM calls WHERE arrived_at >= ? AND queue IS NOT NULL"
                    + " AND ended_at IS NOT NULL")) {
      s.setObject(1, since.atOffset(ZoneOffset.UTC));
      List<TodayFigures.PastCall> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          boolean answered = rs.getObject("answered_at") != null;
          out.add(
              new TodayFigures.PastCall(
                  rs.getString("queue"),
                  answered ? rs.getString("agent") : null,
                  answered,
                  "abandoned".equals(rs.getString("outcome")),
                  Duration.ofMillis(rs.getLong("wait_ms")),
                  Duration.ofMillis(
                      rs.getLong("talk_ms") + rs.getLong("hold_ms") + rs.getLong("wrap_up_ms"))));
        }
      }
      return out;
    }
  }
}
