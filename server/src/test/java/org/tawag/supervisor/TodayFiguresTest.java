package org.tawag.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tawag.acd.AgentState;
import org.tawag.testing.FakeClock;

class TodayFiguresTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private final FakeClock clock = new FakeClock(T0);
  private final TodayFigures today =
      new TodayFigures(clock, ZoneOffset.UTC, Map.of("support", Duration.ofSeconds(20)));

  @Test
  void noCallsMeansNoRatios() {
    TodayFigures.QueueToday q = today.queues().get(0);
    assertEquals(new TodayFigures.QueueToday("support", 0, 0, null, null, null), q);
  }

  @Test
  void serviceLevelCountsAbandonedAfterThresholdOnlyAsAMiss() {
    today.answered("c1", "support", "alice", Duration.ofSeconds(20), T0);
    today.answered("c2", "support", "alice", Duration.ofSeconds(40), T0);
    today.abandoned("c3", "support", Duration.ofSeconds(5), T0);
    today.abandoned("c4", "support", Duration.ofSeconds(30), T0);

    TodayFigures.QueueToday q = today.queues().get(0);
    assertEquals(2, q.answered());
    assertEquals(2, q.abandoned());
    // 1 within 20 s / (2 answered + 1 abandoned after 20 s); the quick abandon is in neither.
    assertEquals(1.0 / 3, q.serviceLevel(), 1e-9);
    assertEquals(Duration.ofSeconds(30), q.averageSpeedOfAnswer());
  }

  @Test
  void handleTimeRunsFromAnswerToTheEndOfWrapUp() {
    today.answered("c1", "support", "alice", Duration.ofSeconds(3), T0);
    assertEquals("c1", today.agent("alice").currentCall());

    today.leftQueue("c1", T0.plusSeconds(60));
    assertNull(today.agent("alice").currentCall());
    assertNull(today.queues().get(0).averageHandleTime(), "not handled before wrap-up ends");

    today.wrappedUp("c1", "alice", "agreed", null, T0.plusSeconds(90));
    assertEquals(Duration.ofSeconds(90), today.queues().get(0).averageHandleTime());
    assertEquals(1, today.agent("alice").handled());
  }

  @Test
  void leavingWrapUpWithoutDispositionAlsoEndsTheHandling() {
    today.answered("c1", "support", "alice", Duration.ofSeconds(3), T0);
    today.agentState("alice", AgentState.WRAP_UP, "wrap-up", T0.plusSeconds(40));
    today.leftQueue("c1", T0.plusSeconds(40));
    today.agentState("alice", AgentState.AVAILABLE, "ready", T0.plusSeconds(50));

    assertEquals(Duration.ofSeconds(50), today.queues().get(0).averageHandleTime());
    assertEquals(1, today.agent("alice").handled());
  }

  @Test
  void midnightStartsAFreshDay() {
    today.answered("c1", "support", "alice", Duration.ofSeconds(3), T0);
    today.wrappedUp("c1", "alice", "agreed", null, T0.plusSeconds(30));
    clock.set(Instant.parse("2026-03-03T00:00:01Z"));

    assertEquals(0, today.queues().get(0).answered());
    assertEquals(0, today.agent("alice").handled());
  }

  @Test
  void aRestartKeepsTheDaysFiguresFromTheCallLog() {
    today.restore(
        List.of(
            new TodayFigures.PastCall(
                "support", "alice", true, false, Duration.ofSeconds(10), Duration.ofSeconds(60)),
            new TodayFigures.PastCall(
                "support", "bob", true, false, Duration.ofSeconds(30), Duration.ofSeconds(120)),
            new TodayFigures.PastCall(
                "support", null, false, true, Duration.ofSeconds(25), Duration.ZERO),
            new TodayFigures.PastCall(
                "retired-queue", "alice", true, false, Duration.ZERO, Duration.ZERO)));
    today.answered("c9", "support", "alice", Duration.ofSeconds(5), T0);

    TodayFigures.QueueToday q = today.queues().get(0);
    assertEquals(3, q.answered());
    assertEquals(1, q.abandoned());
    // Within 20 s: 10 s and 5 s; base: 3 answered + 1 abandoned after 20 s.
    assertEquals(2.0 / 4, q.serviceLevel(), 1e-9);
    assertEquals(Duration.ofSeconds(15), q.averageSpeedOfAnswer());
    assertEquals(Duration.ofSeconds(90), q.averageHandleTime());
    assertEquals(1, today.agent("alice").handled(), "the retired queue's call is left out");
    assertEquals(1, today.agent("bob").handled());
    assertEquals(1, today.queues().size());
  }
}
