package org.tawag.db;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The local PostgreSQL for store tests ({@code TAWAG_TEST_PG_URL}, default {@code
 * jdbc:postgresql://127.0.0.1:5432/test}, user {@code TAWAG_TEST_PG_USER} or {@code postgres}, no
 * password). Unreachable, the test is skipped with a message, except under {@code CI=true}, where
 * it fails: CI runs PostgreSQL, so a skip there would hide a broken service.
 */
public final class TestPostgres {
  private TestPostgres() {}

  /** The server URL without a schema. */
  public static String url() {
    return System.getenv()
        .getOrDefault("TAWAG_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  }

  /** The user to connect as. */
  public static String user() {
    return System.getenv().getOrDefault("TAWAG_TEST_PG_USER", "postgres");
  }

  /** Checks the server answers; skips the test (fails on CI) when it does not. */
  public static void require() {
    try (Connection c = DriverManager.getConnection(url() + "?connectTimeout=3", user(), "")) {
      if (!c.isValid(3)) {
        unreachable("connection not valid");
      }
    } catch (SQLException e) {
      unreachable(e.getMessage());
    }
  }

  /** Creates a fresh schema {@code tawag_test_<random>} and returns its name. */
  public static String createSchema() throws SQLException {
    String schema = "tawag_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("CREATE SCHEMA " + schema);
    return schema.toLowerCase(Locale.ROOT);
  }

  /** Drops {@code schema} and everything in it. */
  public static void dropSchema(String schema) throws SQLException {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  /** The URL whose connections work in {@code schema}. */
  public static String urlFor(String schema) {
    return url() + "?currentSchema=" + schema;
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(), user(), "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static void unreachable(String why) {
    String message =
        "PostgreSQL is not reachable at "
            + url()
            + " as "
            + user()
            + " ("
            + why
            + "); start it (apt-get install -y postgresql) or set TAWAG_TEST_PG_URL";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message);
    }
    Assumptions.abort(message);
  }
}
