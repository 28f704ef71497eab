package org.tawag.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.testing.FreePorts;

class DatabaseTest {
  @TempDir Path dir;

  @Test
  void reopeningAppliesNoMigrationTwiceAndKeepsData() throws SQLException {
    DatabaseSettings settings = DatabaseSettings.h2File(dir);
    try (Database db = Database.open(settings)) {
      assertEquals(Database.Dialect.H2, db.dialect());
      execute(
          db,
          "INSERT INTO calls (id, direction, arrived_at) VALUES"
              + " ('kept', 'in', TIMESTAMP WITH TIME ZONE '2026-03-01 09:00:00+00')");
    }
    try (Database db = Database.open(settings)) {
      assertEquals(1, count(db, "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '1'"));
      assertEquals(1, count(db, "SELECT COUNT(*) FROM calls WHERE id = 'kept'"));
    }
  }

  @Test
  void urlOfAnotherProductIsRefusedNamingIt() {
    DatabaseSettings settings =
        DatabaseSettings.h2File(dir).withUrl("jdbc:mysql://127.0.0.1/tawag", "root", "");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Database.open(settings));
    assertTrue(e.getMessage().contains("jdbc:mysql://127.0.0.1/tawag"), e.getMessage());
  }

  @Test
  void unreachableDatabaseFailsOpenWithTheUrl() {
    String url = "jdbc:postgresql://127.0.0.1:" + FreePorts.udpAndTcp() + "/nothing";
    DatabaseSettings settings =
        DatabaseSettings.h2File(dir)
            .withUrl(url, "postgres", "")
            .withConnectionTimeout(Duration.ofMillis(300));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Database.open(settings));
    assertTrue(e.getMessage().contains(url), e.getMessage());
  }

  @Test
  void migrationsRunOnPostgresqlToo() throws SQLException {
    TestPostgres.require();
    String schema = TestPostgres.createSchema();
    try (Database db =
        Database.open(
            DatabaseSettings.h2File(dir)
                .withUrl(TestPostgres.urlFor(schema), TestPostgres.user(), ""))) {
      assertEquals(Database.Dialect.POSTGRESQL, db.dialect());
      assertEquals(0, count(db, "SELECT COUNT(*) FROM call_events"));
    } finally {
      TestPostgres.dropSchema(schema);
    }
  }

  private static void execute(Database db, String sql) throws SQLException {
    try (Connection c = db.connection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static long count(Database db, String sql) throws SQLException {
    try (Connection c = db.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
