package org.tawag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.calls.CallLogListener;
import org.tawag.calls.CallLogWriter;
import org.tawag.config.TawagConfig;
import org.tawag.db.Database;
import org.tawag.db.JdbcWorkers;
import org.tawag.queue.AgentStateLog;

/**
 * The store as the server uses it: the database with its migrations applied, the JDBC workers, the
 * call-log writer with its disk spool, and the agent state log. Opened first and closed last, so
 * records of calls ended during shutdown still reach it.
 */
public final class Store implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Store.class);

  private final Database database;
  private final JdbcWorkers workers;
  private final CallLogWriter callLog;
  private final AgentStateLog agentStates;
  private final String description;

  private Store(
      Database database,
      JdbcWorkers workers,
      CallLogWriter callLog,
      AgentStateLog agentStates,
      String description) {
    this.database = database;
    this.workers = workers;
    this.callLog = callLog;
    this.agentStates = agentStates;
    this.description = description;
  }

  /** Opens the configured database (running migrations) and starts the writers. */
  public static Store open(TawagConfig config, Clock clock) {
    Database database = Database.open(config.database());
    JdbcWorkers workers = JdbcWorkers.start();
    try {
      CallLogWriter writer =
          CallLogWriter.start(database, workers, config.database(), CallLogListener.NONE);
      AgentStateLog states = new AgentStateLog(database, workers, clock.instant());
      String url = config.database().jdbcUrl();
      // Only the scheme and product: a URL may carry credentials.
      String description = url.startsWith("jdbc:h2:") ? "H2" : url.split(":")[1];
      return new Store(database, workers, writer, states, description);
    } catch (IOException e) {
      workers.close();
      database.close();
      throw new UncheckedIOException("cannot open the call-log spool: " + e.getMessage(), e);
    }
  }

  /** The database. */
  public Database database() {
    return database;
  }

  /** The JDBC worker threads. */
  public JdbcWorkers workers() {
    return workers;
  }

  /** Where call records go; never blocks. */
  public CallLogWriter callLog() {
    return callLog;
  }

  /** Where agent state changes go; never blocks. */
  public AgentStateLog agentStates() {
    return agentStates;
  }

  /** The database product, for the start-up line. */
  String describe() {
    return description;
  }

  @Override
  public void close() {
    agentStates.close();
    callLog.close();
    workers.close();
    database.close();
    log.debug("store closed");
  }
}
