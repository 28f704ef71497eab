package org.tawag.calls;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.db.Database;
import org.tawag.db.DatabaseSettings;
import org.tawag.db.JdbcWorkers;

/**
 * The {@link CallLog} the server uses: {@link #record} puts the call on a bounded in-memory queue
 * and returns; one task at a time on the {@link JdbcWorkers} drains it in batches of up to {@code
 * batchSize} calls per transaction through {@link JdbcCallLog}.
 *
 * <p>When the database does not answer, the batch and everything queued after it go to the {@link
 * DiskSpool} (forced to disk per batch), and the worker retries with a backoff of 100 ms doubling
 * to 5 s. Once the database answers, the spool is replayed in order, then emptied, and the queue is
 * written directly again. Writes are idempotent, so a replay cut short (crash, new outage) is
 * simply replayed again from the start of the spool.
 *
 * <p>Trade-off: when the in-memory queue is full, {@link #record} drops the call, counts it and
 * logs an error; it does not spool it, because that is file I/O on the caller's thread (a SIP,
 * media or ACD thread). Only the worker writes the spool. Size the queue for the longest burst
 * expected while the worker is busy.
 *
 * <p>A call the database refuses although it answers (a constraint Java did not check) would block
 * the batch forever, so the batch is retried call by call and the refused call dropped, counted and
 * logged.
 */
public final class CallLogWriter implements CallLog, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CallLogWriter.class);
  private static final Duration MIN_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
  private static final int BATCHES_PER_TURN = 16;
  private static final int VALID_TIMEOUT_SECONDS = 2;

  /** A flush request riding the queue: complete once everything before it is handled. */
  private record FlushMarker(CompletableFuture<Void> done) {}

  private final JdbcCallLog jdbc;
  private final JdbcWorkers workers;
  private final DiskSpool spool;
  private final int capacity;
  private final int batchSize;
  private final CallLogListener listener;

  private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final LongAdder dropped = new LongAdder();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final Object turn = new Object();
  private volatile ScheduledFuture<?> retry;
  private volatile WriteTimings timings = WriteTimings.NONE;
  private volatile boolean closed;
  private volatile boolean stopped;

  // Owned by the worker turn (guarded by `turn`).
  private boolean outage;
  private long replayPosition;
  private Duration backoff = MIN_BACKOFF;
  private final List<CompletableFuture<Void>> waitingForSpool = new ArrayList<>();

  /**
   * A writer over {@code jdbc} running on {@code workers}, spooling to {@code spool}, with the
   * queue capacity and batch size of {@code settings}. Anything left in the spool by an earlier run
   * is replayed at once.
   */
  public CallLogWriter(
      JdbcCallLog jdbc,
      JdbcWorkers workers,
      DiskSpool spool,
      DatabaseSettings settings,
      CallLogListener listener) {
    if (jdbc == null || workers == null || spool == null || settings == null) {
      throw new IllegalArgumentException("jdbc, workers, spool and settings must not be null");
    }
    this.jdbc = jdbc;
    this.workers = workers;
    this.spool = spool;
    this.capacity = settings.writerQueueCapacity();
    this.batchSize = settings.batchSize();
    this.listener = listener == null ? CallLogListener.NONE : listener;
    kick();
  }

  /**
   * Opens the spool {@code calls.spool} in the settings' spool directory and starts a writer on
   * {@code database}.
   */
  public static CallLogWriter start(
      Database database, JdbcWorkers workers, DatabaseSettings settings, CallLogListener listener)
      throws IOException {
    DiskSpool spool = DiskSpool.open(settings.spoolDir().resolve("calls.spool"));
    return new CallLogWriter(new JdbcCallLog(database), workers, spool, settings, listener);
  }

  @Override
  public void record(CallRecord record, List<QueueEvent> events) {
    LoggedCall call = new LoggedCall(record, events);
    if (closed) {
      drop(1, "writer closed");
      log.error("call log closed: dropped call {}", record.id());
      return;
    }
    if (queued.incrementAndGet() > capacity) {
      queued.decrementAndGet();
      drop(1, "queue full");
      log.error(
          "call log queue full ({} calls waiting for the database): dropped call {}",
          capacity,
          record.id());
      return;
    }
    queue.add(call);
    kick();
  }

  @Override
  public CompletableFuture<Void> flush() {
    if (stopped) {
      return CompletableFuture.failedFuture(new IllegalStateException("call log is closed"));
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    // Markers are not counted against the capacity: they are few (one per flush caller).
    queue.add(new FlushMarker(done));
    kickNow();
    return done;
  }

  @Override
  public long dropped() {
    return dropped.sum();
  }

  /** Calls waiting in memory for the worker. */
  public int queued() {
    return queued.get();
  }

  /** The spool file the writer uses during outages. */
  public java.nio.file.Path spoolFile() {
    return spool.file();
  }

  /**
   * Stops taking calls, waits up to {@code timeout} for what is queued to reach the database or the
   * spool, then closes the spool. Calls still in the spool are replayed at the next start. Blocks:
   * call it at shutdown, not on a call thread.
   */
  public void close(Duration timeout) {
    closed = true;
    try {
      flush().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn(
          "call log not flushed within {}: {} calls queued; spooled calls wait in {}",
          timeout,
          queued.get(),
          spool.file());
    } catch (ExecutionException e) {
      log.warn("call log flush failed at close", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ScheduledFuture<?> r = retry;
    if (r != null) {
      r.cancel(false);
    }
    synchronized (turn) {
      // Anything the flush did not reach goes to disk rather than being lost.
      try {
        moveQueueToSpool();
        spool.close();
        stopped = true;
      } catch (IOException | RuntimeException e) {
        log.error("cannot close call log spool {}", spool.file(), e);
      }
    }
    if (queued.get() > 0) {
      log.error("call log closed with {} calls unwritten", queued.get());
    }
  }

  /** {@link #close(Duration)} with 10 s. */
  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }

  private void drop(int n, String reason) {
    dropped.add(n);
    listener.dropped(n, reason);
  }

  /** Makes sure a turn will run; never blocks. */
  private void kick() {
    if (scheduled.compareAndSet(false, true)) {
      try {
        workers.execute(this::turn);
      } catch (RejectedExecutionException e) {
        // The calls stay queued; the next record() or flush() tries again.
        scheduled.set(false);
        log.error("JDBC workers refused the call log turn: {}", e.getMessage());
      }
    }
  }

  /** Like {@link #kick()}, but a turn waiting for its backoff runs now instead. */
  private void kickNow() {
    ScheduledFuture<?> r = retry;
    if (r != null && r.cancel(false)) {
      retry = null;
      try {
        workers.execute(this::turn);
      } catch (RejectedExecutionException e) {
        scheduled.set(false);
        log.error("JDBC workers refused the call log turn: {}", e.getMessage());
      }
      return;
    }
    kick();
  }

  private void turn() {
    retry = null;
    Duration again = null;
    synchronized (turn) {
      try {
        if (stopped) {
          return;
        }
        again = step();
      } catch (IOException | RuntimeException e) {
        log.error("call log turn failed; retrying", e);
        again = nextBackoff();
      }
    }
    if (again != null) {
      try {
        retry = workers.schedule(this::turn, again);
        return;
      } catch (RejectedExecutionException e) {
        log.error("JDBC workers refused the call log retry: {}", e.getMessage());
      }
    }
    scheduled.set(false);
    if (!queue.isEmpty()) {
      kick();
    }
  }

  /** One turn of work; returns the delay before the next turn, or null when caught up. */
  private Duration step() throws IOException {
    if (outage || !spool.isEmpty()) {
      moveQueueToSpool();
      if (!replay()) {
        return nextBackoff();
      }
      if (outage) {
        outage = false;
        log.info("database answers again; spool replayed");
        listener.databaseUp();
      }
      backoff = MIN_BACKOFF;
    }
    for (int i = 0; i < BATCHES_PER_TURN; i++) {
      List<LoggedCall> calls = new ArrayList<>();
      List<CompletableFuture<Void>> flushes = new ArrayList<>();
      take(calls, flushes);
      if (calls.isEmpty() && flushes.isEmpty()) {
        return null;
      }
      int written = writeOrSpool(calls);
      if (written < calls.size()) {
        waitingForSpool.addAll(flushes);
        return nextBackoff();
      }
      if (written > 0) {
        listener.written(written);
      }
      flushes.forEach(f -> f.complete(null));
    }
    return null;
  }

  /** Polls up to a batch of calls, and every flush marker met on the way. */
  private void take(List<LoggedCall> calls, List<CompletableFuture<Void>> flushes) {
    while (calls.size() < batchSize) {
      Object next = queue.poll();
      if (next == null) {
        return;
      }
      if (next instanceof FlushMarker m) {
        flushes.add(m.done());
      } else {
        queued.decrementAndGet();
        calls.add((LoggedCall) next);
      }
    }
  }

  /** Appends everything queued to the spool, batch by batch, to keep it in order. */
  private void moveQueueToSpool() {
    while (true) {
      List<LoggedCall> calls = new ArrayList<>();
      List<CompletableFuture<Void>> flushes = new ArrayList<>();
      take(calls, flushes);
      if (calls.isEmpty() && flushes.isEmpty()) {
        return;
      }
      spoolOrDrop(calls);
      waitingForSpool.addAll(flushes);
    }
  }

  /** Sees every batch the writer commits or fails to commit, with its time (metrics hang here). */
  public void observeWrites(WriteTimings observer) {
    this.timings = observer == null ? WriteTimings.NONE : observer;
  }

  private void timedWrite(List<LoggedCall> calls) throws SQLException {
    long start = System.nanoTime();
    try {
      jdbc.write(calls);
    } catch (SQLException e) {
      timings.failed();
      throw e;
    }
    timings.written(calls.size(), System.nanoTime() - start);
  }

  /**
   * Writes {@code calls}; returns how many are handled (written or dropped as refused). When the
   * database stops answering, the rest are spooled and the outage begins.
   */
  private int writeOrSpool(List<LoggedCall> calls) {
    if (calls.isEmpty()) {
      return 0;
    }
    try {
      timedWrite(calls);
      return calls.size();
    } catch (SQLException e) {
      if (isDown(e)) {
        beginOutage(e);
        spoolOrDrop(calls);
        return 0;
      }
      log.warn("database refused a batch of {} calls; writing them one by one", calls.size(), e);
    }
    for (int i = 0; i < calls.size(); i++) {
      LoggedCall call = calls.get(i);
      try {
        timedWrite(List.of(call));
      } catch (SQLException e) {
        if (isDown(e)) {
          beginOutage(e);
          spoolOrDrop(calls.subList(i, calls.size()));
          return i;
        }
        drop(1, "refused by the database");
        log.error("database refused call {}: dropped", call.record().id(), e);
      }
    }
    return calls.size();
  }

  /** Replays the spool from where the last replay stopped; true once it is empty. */
  private boolean replay() throws IOException {
    while (true) {
      DiskSpool.Chunk chunk = spool.read(replayPosition, batchSize);
      if (chunk.torn() > 0) {
        drop(chunk.torn(), "torn spool line");
      }
      if (chunk.calls().isEmpty()) {
        spool.clear();
        replayPosition = 0;
        waitingForSpool.forEach(f -> f.complete(null));
        waitingForSpool.clear();
        return true;
      }
      try {
        timedWrite(chunk.calls());
      } catch (SQLException e) {
        if (isDown(e)) {
          beginOutage(e);
          return false;
        }
        log.warn("database refused a spooled batch; replaying it call by call", e);
        for (LoggedCall call : chunk.calls()) {
          try {
            timedWrite(List.of(call));
          } catch (SQLException again) {
            if (isDown(again)) {
              beginOutage(again);
              return false; // the calls already written are rewritten later: idempotent
            }
            drop(1, "refused by the database");
            log.error("database refused spooled call {}: dropped", call.record().id(), again);
          }
        }
      }
      replayPosition = chunk.next();
      listener.replayed(chunk.calls().size());
    }
  }

  private void spoolOrDrop(List<LoggedCall> calls) {
    if (calls.isEmpty()) {
      return;
    }
    try {
      spool.append(calls);
      listener.spooled(calls.size());
    } catch (IOException e) {
      drop(calls.size(), "spool write failed");
      log.error(
          "database down and spool {} not writable: dropped {} calls",
          spool.file(),
          calls.size(),
          e);
    }
  }

  private boolean isDown(SQLException e) {
    String state = e.getSQLState();
    if (e instanceof SQLTransientConnectionException || (state != null && state.startsWith("08"))) {
      return true;
    }
    return !jdbc.reachable(VALID_TIMEOUT_SECONDS);
  }

  private void beginOutage(SQLException e) {
    if (!outage) {
      outage = true;
      log.error("database not answering; spooling call records to {}", spool.file(), e);
      listener.databaseDown(e);
    }
  }

  private Duration nextBackoff() {
    Duration delay = backoff;
    Duration doubled = backoff.multipliedBy(2);
    backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    return delay;
  }
}
