package org.tawag.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tawag.acd.AgentState;

class TodayFiguresTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private final ManualClock clock = new ManualClock(T0);
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
    clock.now = Instant.parse("2026-03-03T00:00:01Z");

    assertEquals(0, today.queues().get(0).answered());
    assertEquals(0, today.agent("alice").handled());
  }

  static final class ManualClock extends Clock {
    Instant now;

    ManualClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
