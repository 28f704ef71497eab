package org.tawag.orders;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.db.Database;
import org.tawag.db.DatabaseSettings;

/** {@link JdbcCustomerStoreContract} on an H2 file database in a temporary directory. */
class JdbcCustomerStoreTest extends JdbcCustomerStoreContract {
  @TempDir static Path dir;
  static Database database;

  @BeforeAll
  static void open() {
    database = Database.open(DatabaseSettings.h2File(dir));
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Override
  Database database() {
    return database;
  }
}
