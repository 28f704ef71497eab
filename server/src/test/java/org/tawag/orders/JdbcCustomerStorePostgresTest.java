package org.tawag.orders;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.db.Database;
import org.tawag.db.DatabaseSettings;
import org.tawag.db.TestPostgres;

/**
 * {@link JdbcCustomerStoreContract} on PostgreSQL, in a fresh schema dropped afterwards. Skipped
 * with a message when PostgreSQL is not reachable; fails then under {@code CI=true}.
 */
class JdbcCustomerStorePostgresTest extends JdbcCustomerStoreContract {
  @TempDir static Path dir;
  static String schema;
  static Database database;

  @BeforeAll
  static void open() throws SQLException {
    TestPostgres.require();
    schema = TestPostgres.createSchema();
    database =
        Database.open(
            DatabaseSettings.h2File(dir)
                .withUrl(TestPostgres.urlFor(schema), TestPostgres.user(), ""));
  }

  @AfterAll
  static void close() throws SQLException {
    if (database != null) {
      database.close();
    }
    if (schema != null) {
      TestPostgres.dropSchema(schema);
    }
  }

  @Override
  Database database() {
    return database;
  }
}
