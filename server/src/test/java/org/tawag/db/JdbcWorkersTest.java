package org.tawag.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JdbcWorkersTest {
  private static final long WAIT = 10;

  @Test
  void tasksRunOnNamedWorkerThreads() throws Exception {
    try (JdbcWorkers workers = JdbcWorkers.start()) {
      String name =
          workers.submit(() -> Thread.currentThread().getName()).get(WAIT, TimeUnit.SECONDS);
      assertTrue(name.startsWith("tawag-jdbc-"), name);
    }
  }

  @Test
  void taskFailureFailsTheFuture() throws Exception {
    try (JdbcWorkers workers = JdbcWorkers.start()) {
      CompletableFuture<Object> f =
          workers.submit(
              () -> {
                throw new SQLException("refused");
              });
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> f.get(WAIT, TimeUnit.SECONDS));
      assertInstanceOf(SQLException.class, e.getCause());
    }
  }

  @Test
  void moreThanMaxPendingIsRefusedAtOnce() throws Exception {
    try (JdbcWorkers workers = new JdbcWorkers(1, 2)) {
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch running = new CountDownLatch(1);
      CompletableFuture<Boolean> first =
          workers.submit(
              () -> {
                running.countDown();
                return release.await(WAIT, TimeUnit.SECONDS);
              });
      assertTrue(running.await(WAIT, TimeUnit.SECONDS));
      ScheduledFuture<?> later = workers.schedule(() -> {}, Duration.ofHours(1));
      assertEquals(2, workers.pending());

      CompletableFuture<Integer> refused = workers.submit(() -> 1);
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> refused.get(WAIT, TimeUnit.SECONDS));
      assertInstanceOf(RejectedExecutionException.class, e.getCause());
      assertThrows(RejectedExecutionException.class, () -> workers.execute(() -> {}));

      assertTrue(later.cancel(false));
      assertEquals(1, workers.pending());
      release.countDown();
      assertTrue(first.get(WAIT, TimeUnit.SECONDS));
      assertEquals(2, workers.submit(() -> 2).get(WAIT, TimeUnit.SECONDS));
    }
  }

  @Test
  void badSizesAreRefusedNamingThem() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> new JdbcWorkers(0, 1))
            .getMessage()
            .startsWith("threads"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> new JdbcWorkers(1, 0))
            .getMessage()
            .startsWith("maxPending"));
  }
}
