package org.tawag.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.db.Database;
import org.tawag.db.DatabaseSettings;
import org.tawag.db.JdbcWorkers;
import org.tawag.testing.FreePorts;

/** {@link CallLogWriter} on a real H2 database: concurrency, outage and replay, drops. */
class CallLogWriterTest {
  private static final long WAIT_SECONDS = 30;

  @TempDir Path dir;
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  /** Counts what the writer reports and opens latches when counts are reached. */
  static final class Counting implements CallLogListener {
    final AtomicInteger spooled = new AtomicInteger();
    final AtomicInteger replayed = new AtomicInteger();
    final AtomicInteger downs = new AtomicInteger();
    final CountDownLatch spooledAll;

    Counting(int expectSpooled) {
      spooledAll = new CountDownLatch(expectSpooled);
    }

    @Override
    public void spooled(int records) {
      spooled.addAndGet(records);
      for (int i = 0; i < records; i++) {
        spooledAll.countDown();
      }
    }

    @Override
    public void replayed(int records) {
      replayed.addAndGet(records);
    }

    @Override
    public void databaseDown(Exception cause) {
      downs.incrementAndGet();
    }
  }

  private <T extends AutoCloseable> T closeLater(T c) {
    toClose.add(c);
    return c;
  }

  private CallLogWriter writer(
      Database db, JdbcWorkers workers, DatabaseSettings settings, CallLogListener listener)
      throws Exception {
    return closeLater(CallLogWriter.start(db, workers, settings, listener));
  }

  @Test
  void callsFromManyThreadsAreAllWrittenByFlush() throws Exception {
    DatabaseSettings settings = DatabaseSettings.h2File(dir).withWriter(1000, 50);
    Database db = closeLater(Database.open(settings));
    JdbcWorkers workers = closeLater(JdbcWorkers.start());
    CallLogWriter writer = writer(db, workers, settings, CallLogListener.NONE);

    int threads = 5;
    int perThread = 100;
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Void>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      done.add(
          CompletableFuture.runAsync(
              () -> {
                await(start);
                for (int i = 0; i < perThread; i++) {
                  String id = "t" + thread + "-" + i;
                  writer.record(CallRecords.ended(id), CallRecords.answeredEvents(id));
                }
              }));
    }
    start.countDown();
    CompletableFuture.allOf(done.toArray(CompletableFuture[]::new))
        .get(WAIT_SECONDS, TimeUnit.SECONDS);
    writer.flush().get(WAIT_SECONDS, TimeUnit.SECONDS);

    assertEquals(500, count(db, "SELECT COUNT(*) FROM calls"));
    assertEquals(2500, count(db, "SELECT COUNT(*) FROM call_events"));
    assertEquals(0, writer.dropped());
    assertEquals(0, writer.queued());
  }

  @Test
  void outageSpoolsCallsAndReplaysEachOnceWhenTheDatabaseIsBack() throws Exception {
    int port = FreePorts.udpAndTcp();
    Path base = dir.resolve("h2");
    Files.createDirectories(base);
    Server server = startServer(port, base);
    try {
      DatabaseSettings settings =
          new DatabaseSettings(
              "jdbc:h2:tcp://127.0.0.1:" + port + "/./tawag" + DatabaseSettings.H2_OPTIONS,
              "sa",
              "",
              2,
              1000,
              20,
              dir.resolve("spool"),
              Duration.ofMillis(500));
      Database db = closeLater(Database.open(settings));
      JdbcWorkers workers = closeLater(JdbcWorkers.start());
      // 100 calls, 10 of which are recorded twice (answered, then ended): 110 hand-overs.
      Counting counting = new Counting(110);
      CallLogWriter writer = writer(db, workers, settings, counting);
      writer.flush().get(WAIT_SECONDS, TimeUnit.SECONDS);

      server.stop();
      assertTimeoutPreemptively(
          Duration.ofSeconds(2),
          () -> {
            for (int i = 0; i < 100; i++) {
              String id = "out-" + i;
              if (i % 10 == 0) {
                writer.record(CallRecords.answered(id), CallRecords.answeredEvents(id));
              }
              writer.record(CallRecords.ended(id), CallRecords.endedEvents(id));
            }
          },
          "record() must not wait for the database");
      assertTrue(
          counting.spooledAll.await(WAIT_SECONDS, TimeUnit.SECONDS),
          "all calls reach the spool during the outage, spooled " + counting.spooled.get());
      CompletableFuture<Void> flushed = writer.flush();
      assertFalse(flushed.isDone(), "flush cannot finish while the database is down");
      assertTrue(Files.size(writer.spoolFile()) > 0);
      assertTrue(counting.downs.get() >= 1);

      server = startServer(port, base);
      flushed.get(WAIT_SECONDS, TimeUnit.SECONDS);
      writer.flush().get(WAIT_SECONDS, TimeUnit.SECONDS);

      assertEquals(100, count(db, "SELECT COUNT(*) FROM calls"));
      assertEquals(600, count(db, "SELECT COUNT(*) FROM call_events"));
      assertEquals(
          100, count(db, "SELECT COUNT(*) FROM calls WHERE outcome = 'completed_by_caller'"));
      assertEquals(0, Files.size(writer.spoolFile()));
      assertEquals(110, counting.replayed.get());
      assertEquals(0, writer.dropped());
      JdbcCallLog log = new JdbcCallLog(db);
      assertEquals(CallRecords.ended("out-50"), log.find("out-50").orElseThrow());
    } finally {
      closeAll();
      toClose.clear();
      server.stop();
    }
  }

  @Test
  void fullQueueDropsAndCountsWithoutBlocking() throws Exception {
    DatabaseSettings settings = DatabaseSettings.h2File(dir).withWriter(5, 10);
    Database db = closeLater(Database.open(settings));
    JdbcWorkers workers = closeLater(new JdbcWorkers(1, 16));
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch busy = new CountDownLatch(1);
    workers.execute(
        () -> {
          busy.countDown();
          await(release);
        });
    assertTrue(busy.await(WAIT_SECONDS, TimeUnit.SECONDS));
    AtomicInteger droppedSeen = new AtomicInteger();
    CallLogWriter writer =
        writer(
            db,
            workers,
            settings,
            new CallLogListener() {
              @Override
              public void dropped(int records, String reason) {
                droppedSeen.addAndGet(records);
              }
            });

    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> {
          for (int i = 0; i < 8; i++) {
            writer.record(CallRecords.ended("q-" + i), List.of());
          }
        });
    assertEquals(3, writer.dropped());
    assertEquals(3, droppedSeen.get());
    assertEquals(5, writer.queued());

    release.countDown();
    writer.flush().get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertEquals(5, count(db, "SELECT COUNT(*) FROM calls"));
    assertEquals(1, count(db, "SELECT COUNT(*) FROM calls WHERE id = 'q-4'"));
    assertEquals(0, count(db, "SELECT COUNT(*) FROM calls WHERE id = 'q-5'"));
  }

  @Test
  void spoolLeftByAnEarlierRunIsReplayedAtStart() throws Exception {
    DatabaseSettings settings = DatabaseSettings.h2File(dir);
    try (DiskSpool spool = DiskSpool.open(settings.spoolDir().resolve("calls.spool"))) {
      spool.append(
          List.of(
              new LoggedCall(CallRecords.answered("old-1"), CallRecords.answeredEvents("old-1")),
              new LoggedCall(CallRecords.ended("old-1"), CallRecords.endedEvents("old-1")),
              new LoggedCall(CallRecords.ended("old-2"), List.of())));
    }
    Database db = closeLater(Database.open(settings));
    JdbcWorkers workers = closeLater(JdbcWorkers.start());
    CallLogWriter writer = writer(db, workers, settings, CallLogListener.NONE);
    writer.flush().get(WAIT_SECONDS, TimeUnit.SECONDS);

    assertEquals(2, count(db, "SELECT COUNT(*) FROM calls"));
    assertEquals(6, count(db, "SELECT COUNT(*) FROM call_events"));
    assertEquals(CallRecords.ended("old-1"), new JdbcCallLog(db).find("old-1").orElseThrow());
    assertEquals(0, Files.size(writer.spoolFile()));
  }

  @Test
  void callTheDatabaseRefusesIsDroppedAndTheRestWritten() throws Exception {
    DatabaseSettings settings = DatabaseSettings.h2File(dir);
    Database db = closeLater(Database.open(settings));
    execute(db, "ALTER TABLE calls ADD CONSTRAINT test_refuse_ck CHECK (id <> 'poison')");
    JdbcWorkers workers = closeLater(JdbcWorkers.start());
    CallLogWriter writer = writer(db, workers, settings, CallLogListener.NONE);

    writer.record(CallRecords.ended("good-1"), CallRecords.endedEvents("good-1"));
    writer.record(CallRecords.ended("poison"), CallRecords.endedEvents("poison"));
    writer.record(CallRecords.ended("good-2"), List.of());
    writer.flush().get(WAIT_SECONDS, TimeUnit.SECONDS);

    assertEquals(2, count(db, "SELECT COUNT(*) FROM calls"));
    assertEquals(0, count(db, "SELECT COUNT(*) FROM calls WHERE id = 'poison'"));
    assertEquals(1, writer.dropped());
    assertEquals(0, Files.size(writer.spoolFile()));
  }

  @Test
  void closeWritesWhatIsQueuedAndLaterFlushFails() throws Exception {
    DatabaseSettings settings = DatabaseSettings.h2File(dir);
    Database db = closeLater(Database.open(settings));
    JdbcWorkers workers = closeLater(JdbcWorkers.start());
    CallLogWriter writer = CallLogWriter.start(db, workers, settings, CallLogListener.NONE);
    writer.record(CallRecords.ended("last"), CallRecords.endedEvents("last"));
    writer.close(Duration.ofSeconds(WAIT_SECONDS));

    assertEquals(1, count(db, "SELECT COUNT(*) FROM calls WHERE id = 'last'"));
    writer.record(CallRecords.ended("too-late"), List.of());
    assertEquals(1, writer.dropped());
    assertTrue(writer.flush().isCompletedExceptionally());
  }

  private static Server startServer(int port, Path base) throws SQLException {
    return Server.createTcpServer(
            "-tcpPort", Integer.toString(port), "-ifNotExists", "-baseDir", base.toString())
        .start();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("latch not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void execute(Database db, String sql) throws SQLException {
    try (Connection c = db.connection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static long count(Database db, String sql) throws SQLException {
    try (Connection c = db.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
