package org.tawag.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's database: a HikariCP pool whose schema Flyway has brought up to date from {@code
 * db/migration} at open. The same migrations run on H2 (with {@link DatabaseSettings#H2_OPTIONS})
 * and PostgreSQL.
 *
 * <p>Opening blocks (it connects and migrates); do it at start-up, never on a SIP, media or ACD
 * thread. All later JDBC goes through {@link JdbcWorkers}.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  /** Which SQL variant the connected product speaks, for the few statements that differ. */
  public enum Dialect {
    H2,
    POSTGRESQL
  }

  private final HikariDataSource dataSource;
  private final Dialect dialect;

  private Database(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /**
   * Connects, migrates and returns the open database.
   *
   * @throws IllegalArgumentException for a URL of a product other than H2 or PostgreSQL
   * @throws IllegalStateException when the database cannot be reached or migrated
   */
  public static Database open(DatabaseSettings settings) {
    Dialect dialect = dialectOf(settings.jdbcUrl());
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.jdbcUrl());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.maxPoolSize());
    config.setMinimumIdle(Math.min(1, settings.maxPoolSize()));
    config.setConnectionTimeout(settings.connectionTimeout().toMillis());
    config.setValidationTimeout(Math.min(settings.connectionTimeout().toMillis(), 5_000));
    config.setPoolName("tawag-db");
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot connect to " + settings.jdbcUrl(), e);
    }
    try {
      MigrateResult result =
          Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
      log.info(
          "database {} at schema version {} ({} migrations applied)",
          dialect,
          result.targetSchemaVersion,
          result.migrationsExecuted);
    } catch (RuntimeException e) {
      ds.close();
      throw new IllegalStateException("cannot migrate " + settings.jdbcUrl(), e);
    }
    return new Database(ds, dialect);
  }

  static Dialect dialectOf(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return Dialect.H2;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return Dialect.POSTGRESQL;
    }
    throw new IllegalArgumentException(
        "jdbcUrl must be an H2 or PostgreSQL URL but was " + jdbcUrl);
  }

  /** The pooled data source; use it only from a {@link JdbcWorkers} thread. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** The SQL variant of this database. */
  public Dialect dialect() {
    return dialect;
  }

  /** A pooled connection; blocks up to the connection timeout. Only on a JDBC worker. */
  public Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  /** Closes the pool; connections in use are closed when returned. */
  @Override
  public void close() {
    dataSource.close();
  }
}
