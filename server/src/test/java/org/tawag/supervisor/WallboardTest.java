package org.tawag.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tawag.acd.AgentState;
import org.tawag.acd.AgentView;
import org.tawag.acd.QueueStats;

class WallboardTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void snapshotJoinsLiveCountersTodayAndHistory() {
    QueueStats live =
        new QueueStats("support", 1, Duration.ofSeconds(7), 3, 2, 1, 0, 0, 1, Duration.ZERO);
    TodayFigures.QueueToday today =
        new TodayFigures.QueueToday(
            "support", 2, 1, 0.5, Duration.ofSeconds(12), Duration.ofSeconds(95));
    AgentView alice =
        new AgentView("alice", AgentState.ON_CALL, "on call", NOW.minusSeconds(42), 2);
    WaitingHistory history = new WaitingHistory();
    history.offer(NOW.minusSeconds(20), Map.of("support", 0));
    history.offer(NOW, Map.of("support", 1));

    JsonObject w =
        Wallboard.render(
            NOW,
            List.of(live),
            List.of(today),
            List.of(alice),
            List.of(new TodayFigures.AgentToday("alice", "call-1", 2)),
            java.util.Set.of("alice"),
            history.samples());

    assertEquals("wallboard", w.getString("type"));
    JsonObject q = w.getJsonArray("queues").getJsonObject(0);
    assertEquals("support", q.getString("name"));
    assertEquals(1, q.getInteger("waiting"));
    assertEquals(7000L, q.getLong("longestWaitMs"));
    assertEquals(2L, q.getLong("answered"));
    assertEquals(1L, q.getLong("abandoned"));
    assertEquals(0.5, q.getDouble("serviceLevel"));
    assertEquals(12_000L, q.getLong("asaMs"));
    assertEquals(95_000L, q.getLong("ahtMs"));
    JsonObject a = w.getJsonArray("agents").getJsonObject(0);
    assertEquals("on_call", a.getString("state"));
    assertEquals(42_000L, a.getLong("inStateMs"));
    assertEquals("call-1", a.getString("currentCall"));
    assertEquals(2, a.getInteger("handledToday"));
    assertEquals(true, a.getBoolean("escalated"));
    assertEquals(10_000L, w.getJsonObject("history").getLong("everyMs"));
    assertEquals(2, w.getJsonObject("history").getJsonArray("points").size());
    assertEquals(
        1,
        w.getJsonObject("history")
            .getJsonArray("points")
            .getJsonObject(1)
            .getJsonObject("waiting")
            .getInteger("support"));
  }

  @Test
  void ratiosWithoutDataAreNull() {
    QueueStats live = new QueueStats("sales", 0, Duration.ZERO, 0, 0, 0, 0, 0, 0, Duration.ZERO);
    JsonObject q =
        Wallboard.render(
                NOW, List.of(live), List.of(), List.of(), List.of(), java.util.Set.of(), List.of())
            .getJsonArray("queues")
            .getJsonObject(0);
    assertTrue(q.containsKey("serviceLevel"));
    assertNull(q.getValue("serviceLevel"));
    assertNull(q.getValue("asaMs"));
  }

  @Test
  void historySamplesEveryTenSecondsForAnHour() {
    WaitingHistory h = new WaitingHistory();
    assertTrue(h.offer(NOW, Map.of("support", 1)));
    assertFalse(h.offer(NOW.plusSeconds(9), Map.of("support", 2)));
    Instant t = NOW;
    for (int i = 0; i < 400; i++) {
      t = t.plusSeconds(10);
      h.offer(t, Map.of("support", i));
    }
    List<WaitingHistory.Sample> kept = h.samples();
    assertEquals(361, kept.size());
    assertEquals(t.minus(Duration.ofHours(1)), kept.get(0).at());
    assertEquals(t, kept.get(kept.size() - 1).at());
  }
}
