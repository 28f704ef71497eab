package org.tawag.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.db.Database;
import org.tawag.db.DatabaseSettings;

/** The day's finished queue calls read back from the call log on H2. */
class PastCallsTest {
  private static final Instant MIDNIGHT = Instant.parse("2026-03-02T00:00:00Z");

  @TempDir Path dir;

  @Test
  void readsTodaysFinishedQueueCallsOnly() throws Exception {
    try (Database db = Database.open(DatabaseSettings.h2File(dir))) {
      try (Connection c = db.connection()) {
        insert(
            c,
            "answered",
            "support",
            "alice",
            "09:00",
            "09:00:10",
            "09:05",
            10,
            270,
            20,
            "completed_by_caller");
        insert(c, "gave-up", "support", null, "09:10", null, "09:10:30", 30, 0, 0, "abandoned");
        insert(c, "yesterday", "support", "bob", "-1", "-1", "-1", 1, 1, 0, "completed_by_agent");
        insert(
            c,
            "dialled",
            null,
            "alice",
            "10:00",
            "10:00:05",
            "10:01",
            0,
            55,
            0,
            "completed_by_agent");
        insert(c, "live", "support", "bob", "11:00", "11:00:02", null, 2, 0, 0, null);
      }

      List<TodayFigures.PastCall> calls = PastCalls.since(db.dataSource(), MIDNIGHT);

      assertEquals(
          List.of(
              new TodayFigures.PastCall(
                  "support", "alice", true, false, Duration.ofSeconds(10), Duration.ofSeconds(290)),
              new TodayFigures.PastCall(
                  "support", null, false, true, Duration.ofSeconds(30), Duration.ZERO)),
          calls.stream().sorted((a, b) -> Boolean.compare(b.answered(), a.answered())).toList());
    }
  }

  private static void insert(
      Connection c,
      String id,
      String queue,
      String agent,
      String arrived,
      String answered,
      String ended,
      long waitSeconds,
      long talkSeconds,
      long wrapUpSeconds,
      String outcome)
      throws Exception {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO calls (id, direction, queue, agent, arrived_at, answered_at, ended_at,"
                + " wait_ms, talk_ms, wrap_up_ms, outcome) VALUES (?, 'in', ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?)")) {
      s.setString(1, id);
      s.setString(2, queue);
      s.setString(3, agent);
      s.setObject(4, at(arrived));
      s.setObject(5, at(answered));
      s.setObject(6, at(ended));
      s.setLong(7, waitSeconds * 1000);
      s.setLong(8, talkSeconds * 1000);
      s.setLong(9, wrapUpSeconds * 1000);
      s.setString(10, outcome);
      s.executeUpdate();
    }
  }

  /** A time of the day ("09:00", "09:00:10"), or "-1" for yesterday noon, or null. */
  private static Object at(String time) {
    if (time == null) {
      return null;
    }
    Instant i =
        time.equals("-1")
            ? MIDNIGHT.minusSeconds(12 * 3600)
            : MIDNIGHT.plusSeconds(
                java.time.LocalTime.parse(time.length() == 5 ? time + ":00" : time)
                    .toSecondOfDay());
    return i.atOffset(ZoneOffset.UTC);
  }
}
