package org.tawag.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs work in one transaction on one connection: committed on success, rolled back otherwise. */
public final class Transactions {
  /** Work in one transaction on one connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private Transactions() {}

  /** Runs {@code work} in a transaction of {@code database}. */
  public static <T> T run(Database database, Work<T> work) throws SQLException {
    return run(database.dataSource(), work);
  }

  /** Runs {@code work} in a transaction on a connection of {@code db}. */
  public static <T> T run(javax.sql.DataSource db, Work<T> work) throws SQLException {
    try (Connection c = db.getConnection()) {
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
