package org.tawag.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.acd.AgentState;
import org.tawag.agent.AgentProtocol;
import org.tawag.db.Database;
import org.tawag.db.JdbcWorkers;

/**
 * Stores every agent state change in {@code agent_state_events}. The ACD thread only appends to a
 * bounded in-memory queue; a JDBC worker writes it in batches every {@link #FLUSH_EVERY}. While the
 * database is down the events stay queued and are written when it answers again; beyond {@link
 * #CAPACITY} waiting events the newest are dropped and counted (a state change is far less precious
 * than a call record, which has a disk spool).
 */
public final class AgentStateLog implements QueueObserver, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AgentStateLog.class);

  static final Duration FLUSH_EVERY = Duration.ofSeconds(1);
  static final int CAPACITY = 100_000;
  private static final int BATCH = 500;

  private record Change(String agent, long seq, Instant at, AgentState state, String reason) {}

  private final Database database;
  private final JdbcWorkers workers;
  private final ConcurrentLinkedQueue<Change> pending = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong written = new AtomicLong();

  /** Unique across restarts: starts at the start time in microseconds. */
  private final AtomicLong seq;

  private volatile boolean closed;
  private boolean down;

  public AgentStateLog(Database database, JdbcWorkers workers, Instant start) {
    this.database = database;
    this.workers = workers;
    this.seq = new AtomicLong(start.getEpochSecond() * 1_000_000L + start.getNano() / 1000);
    schedule();
  }

  @Override
  public void agentState(String agent, AgentState state, String reason, Instant at) {
    if (size.incrementAndGet() > CAPACITY) {
      size.decrementAndGet();
      dropped.incrementAndGet();
      return;
    }
    String why = reason == null ? null : reason.length() > 64 ? reason.substring(0, 64) : reason;
    pending.add(new Change(agent, seq.incrementAndGet(), at, state, why));
  }

  /** Events written so far. */
  public long written() {
    return written.get();
  }

  /** Events lost because too many were waiting. */
  public long dropped() {
    return dropped.get();
  }

  /** Events waiting to be written. */
  public int pending() {
    return size.get();
  }

  /** Writes what is pending now, on a worker; completes when done or failed. */
  public java.util.concurrent.CompletableFuture<Void> flush() {
    return workers.submit(
        () -> {
          flushNow();
          return null;
        });
  }

  private void schedule() {
    if (!closed) {
      workers.schedule(this::tick, FLUSH_EVERY);
    }
  }

  private void tick() {
    try {
      flushNow();
    } finally {
      schedule();
    }
  }

  private synchronized void flushNow() {
    while (!pending.isEmpty()) {
      List<Change> batch = new ArrayList<>(BATCH);
      for (Change c : pending) {
        batch.add(c);
        if (batch.size() == BATCH) {
          break;
        }
      }
      try {
        insert(batch);
      } catch (SQLException e) {
        if (!down) {
          down = true;
          log.warn("agent states wait in memory: database unavailable: {}", e.getMessage());
        }
        return;
      }
      if (down) {
        down = false;
        log.info("agent states: database available again");
      }
      for (int i = 0; i < batch.size(); i++) {
        pending.poll();
      }
      size.addAndGet(-batch.size());
      written.addAndGet(batch.size());
    }
  }

  private void insert(List<Change> batch) throws SQLException {
    // Idempotent: a batch that committed but whose success we never saw is written again safely.
    // H2 has no ON CONFLICT; its MERGE ... KEY rewrites the same values, which is as good here.
    String columns = "agent_state_events (agent, seq, at, state, reason)";
    String sql =
        database.dialect() == Database.Dialect.H2
            ? "MERGE INTO " + columns + " KEY (agent, seq) VALUES (?, ?, ?, ?, ?)"
            : "INSERT INTO "
                + columns
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (agent, seq) DO NOTHING";
    try (Connection c = database.connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (Change ch : batch) {
        ps.setString(1, ch.agent());
        ps.setLong(2, ch.seq());
        ps.setTimestamp(3, Timestamp.from(ch.at()));
        ps.setString(4, AgentProtocol.stateName(ch.state()));
        ps.setString(5, ch.reason());
        ps.addBatch();
      }
      ps.executeBatch();
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      flush().get(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("agent states: {} not written at shutdown", pending());
    }
  }
}
