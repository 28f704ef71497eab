package org.tawag.db;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the store's database is and how hard Tawag may lean on it: JDBC URL and credentials, pool
 * size, the call-log writer's queue capacity and batch size, the directory where records wait on
 * disk while the database is down, and how long a worker waits for a connection.
 *
 * <p>Config wiring comes later; {@link #h2File(Path)} gives the defaults for a local H2 file.
 */
public record DatabaseSettings(
    String jdbcUrl,
    String user,
    String password,
    int maxPoolSize,
    int writerQueueCapacity,
    int batchSize,
    Path spoolDir,
    Duration connectionTimeout) {

  /** The H2 options that let one migration set run on H2 and PostgreSQL alike. */
  public static final String H2_OPTIONS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  /** Checks every value; a bad one is an {@link IllegalArgumentException} naming it. */
  public DatabaseSettings {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
      throw new IllegalArgumentException("jdbcUrl must start with jdbc: but was " + jdbcUrl);
    }
    if (user == null) {
      throw new IllegalArgumentException("user must not be null (use \"\" for none)");
    }
    if (password == null) {
      password = "";
    }
    if (maxPoolSize < 1 || maxPoolSize > 64) {
      throw new IllegalArgumentException("maxPoolSize must be 1..64 but was " + maxPoolSize);
    }
    if (writerQueueCapacity < 1) {
      throw new IllegalArgumentException(
          "writerQueueCapacity must be positive but was " + writerQueueCapacity);
    }
    if (batchSize < 1 || batchSize > 10_000) {
      throw new IllegalArgumentException("batchSize must be 1..10000 but was " + batchSize);
    }
    if (spoolDir == null) {
      throw new IllegalArgumentException("spoolDir must not be null");
    }
    // HikariCP refuses less than 250 ms.
    if (connectionTimeout == null || connectionTimeout.toMillis() < 250) {
      throw new IllegalArgumentException(
          "connectionTimeout must be at least 250ms but was " + connectionTimeout);
    }
  }

  /** Defaults for an H2 file database {@code <dir>/tawag} with its spool in {@code <dir>/spool}. */
  public static DatabaseSettings h2File(Path dir) {
    Path abs = dir.toAbsolutePath();
    return new DatabaseSettings(
        "jdbc:h2:file:" + abs.resolve("tawag") + H2_OPTIONS,
        "sa",
        "",
        4,
        10_000,
        200,
        abs.resolve("spool"),
        Duration.ofSeconds(5));
  }

  /** The same settings with another URL and credentials. */
  public DatabaseSettings withUrl(String url, String newUser, String newPassword) {
    return new DatabaseSettings(
        url,
        newUser,
        newPassword,
        maxPoolSize,
        writerQueueCapacity,
        batchSize,
        spoolDir,
        connectionTimeout);
  }

  /** The same settings with another writer queue capacity and batch size. */
  public DatabaseSettings withWriter(int queueCapacity, int batch) {
    return new DatabaseSettings(
        jdbcUrl, user, password, maxPoolSize, queueCapacity, batch, spoolDir, connectionTimeout);
  }

  /** The same settings with another pool size. */
  public DatabaseSettings withPoolSize(int size) {
    return new DatabaseSettings(
        jdbcUrl, user, password, size, writerQueueCapacity, batchSize, spoolDir, connectionTimeout);
  }

  /** The same settings with another connection timeout. */
  public DatabaseSettings withConnectionTimeout(Duration timeout) {
    return new DatabaseSettings(
        jdbcUrl, user, password, maxPoolSize, writerQueueCapacity, batchSize, spoolDir, timeout);
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "DatabaseSettings[jdbcUrl="
        + jdbcUrl
        + ", user="
        + user
        + ", password="
        + (password.isEmpty() ? "" : "***")
        + ", maxPoolSize="
        + maxPoolSize
        + ", writerQueueCapacity="
        + writerQueueCapacity
        + ", batchSize="
        + batchSize
        + ", spoolDir="
        + spoolDir
        + ", connectionTimeout="
        + connectionTimeout
        + "]";
  }
}
