package org.tawag.orders;

import java.sql.Connection;
import java.sql.SQLException;
import org.tawag.db.Database;

/** Runs work in one transaction on one connection: committed on success, rolled back otherwise. */
final class Transactions {
  /** Work in one transaction on one connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private Transactions() {}

  static <T> T run(Database database, Work<T> work) throws SQLException {
    try (Connection c = database.connection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException rollbackFailure) {
          e.addSuppressed(rollbackFailure);
        }
        throw e;
      }
    }
  }
}
