package org.tawag.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tawag.acd.AcdConfig;
import org.tawag.acd.AgentState;
import org.tawag.acd.Member;
import org.tawag.acd.Overflow;
import org.tawag.acd.QueueSpec;
import org.tawag.acd.Strategy;
import org.tawag.queue.QueueObserver;

/** ACD events in, meters out: counters, gauges, histograms and bounded labels. */
class QueueMetricsTest {
  private final MutableClock clock = new MutableClock();
  private final AcdConfig acd =
      new AcdConfig(
          List.of(
              QueueSpec.of("sales", Strategy.LONGEST_IDLE)
                  .withServiceLevel(Duration.ofSeconds(25))
                  .withMaxWait(Duration.ofSeconds(60), new Overflow.HangUp()),
              QueueSpec.of("support", Strategy.LONGEST_IDLE)),
          List.of(
              Member.of("alice", "sales"), Member.of("bob", "sales"), Member.of("bob", "support")));
  private final TawagMetrics metrics =
      TawagMetrics.create(
          acd, Set.of("pbx"), MetricsSettings.defaults().withAgentSeriesCap(2), clock);
  private final MeterRegistry registry = metrics.registry();
  private final QueueObserver q = metrics.queues();

  @AfterEach
  void close() {
    metrics.close();
  }

  @Test
  void waitingCallsAndOldestWaitFollowTheQueue() {
    Instant t0 = clock.now();
    q.entered("c1", "sales", t0);
    clock.advance(Duration.ofSeconds(4));
    q.entered("c2", "sales", clock.now());
    clock.advance(Duration.ofSeconds(3));
    assertEquals(2, gauge("tawag.queue.waiting.calls", "queue", "sales"));
    assertEquals(7, gauge("tawag.queue.oldest.wait", "queue", "sales"), 1e-9);
    assertEquals(0, gauge("tawag.queue.waiting.calls", "queue", "support"));

    q.answered("c1", "sales", "alice", Duration.ofSeconds(7), clock.now());
    assertEquals(1, gauge("tawag.queue.waiting.calls", "queue", "sales"));
    assertEquals(3, gauge("tawag.queue.oldest.wait", "queue", "sales"), 1e-9);
    q.abandoned("c2", "sales", Duration.ofSeconds(3), clock.now());
    q.leftQueue("c2", clock.now());
    assertEquals(0, gauge("tawag.queue.waiting.calls", "queue", "sales"));
    assertEquals(0, gauge("tawag.queue.oldest.wait", "queue", "sales"));
    assertEquals(2, counter("tawag.queue.calls.entered", "queue", "sales"));
  }

  @Test
  void serviceLevelCountsUseTheQueuesThreshold() {
    answer("c1", "sales", "alice", 25); // exactly T: within
    answer("c2", "sales", "alice", 26);
    q.entered("c3", "sales", clock.now());
    q.abandoned("c3", "sales", Duration.ofSeconds(10), clock.now());
    q.entered("c4", "sales", clock.now());
    q.abandoned("c4", "sales", Duration.ofSeconds(30), clock.now());

    assertEquals(2, counter("tawag.queue.calls.answered", "queue", "sales"));
    assertEquals(1, counter("tawag.queue.calls.answered.within.sl", "queue", "sales"));
    assertEquals(2, counter("tawag.queue.calls.abandoned", "queue", "sales"));
    assertEquals(1, counter("tawag.queue.calls.abandoned.after.sl", "queue", "sales"));
    Timer wait = registry.get("tawag.queue.wait").tag("queue", "sales").timer();
    assertEquals(2, wait.count());
    assertEquals(51, wait.totalTime(TimeUnit.SECONDS), 1e-9);
  }

  @Test
  void waitBucketsIncludeEveryServiceLevelThreshold() {
    answer("c1", "sales", "alice", 25);
    String text = metrics.scrape();
    assertTrue(
        text.contains("tawag_queue_wait_seconds_bucket{queue=\"sales\",le=\"25.0\"} 1"), text);
    assertTrue(text.contains("tawag_queue_wait_seconds_bucket{queue=\"support\",le=\"20.0\"} 0"));
    assertTrue(text.contains("tawag_queue_service_level_threshold_seconds{queue=\"sales\"} 25.0"));
  }

  @Test
  void talkHoldAndWrapUpAreTimedPerQueue() {
    answer("c1", "sales", "alice", 5);
    q.agentState("alice", AgentState.ON_CALL, "", clock.now());
    clock.advance(Duration.ofSeconds(30));
    q.hold("c1", true, clock.now());
    clock.advance(Duration.ofSeconds(20));
    q.hold("c1", false, clock.now());
    clock.advance(Duration.ofSeconds(10));
    q.agentState("alice", AgentState.WRAP_UP, "", clock.now());
    q.leftQueue("c1", clock.now());
    clock.advance(Duration.ofSeconds(15));
    q.wrappedUp("c1", "alice", "refused:bad_time", null, clock.now());
    q.agentState("alice", AgentState.AVAILABLE, "", clock.now());

    assertEquals(40, seconds("tawag.queue.talk", "sales"), 1e-9);
    assertEquals(20, seconds("tawag.queue.hold", "sales"), 1e-9);
    assertEquals(15, seconds("tawag.queue.wrapup", "sales"), 1e-9);
    assertEquals(
        1,
        registry
            .get("tawag.queue.dispositions")
            .tags("queue", "sales", "disposition", "refused")
            .counter()
            .count());
    q.wrappedUp("c9", "alice", "something free text", null, clock.now());
    assertEquals(
        1,
        registry
            .get("tawag.queue.dispositions")
            .tags("queue", "sales", "disposition", "other")
            .counter()
            .count());
  }

  @Test
  void overflowsAreSortedByTargetAndMaxWait() {
    q.entered("c1", "sales", clock.now());
    clock.advance(Duration.ofSeconds(60));
    q.overflowed("c1", "hangup", clock.now());
    q.leftQueue("c1", clock.now());
    q.entered("c2", "sales", clock.now());
    clock.advance(Duration.ofSeconds(1));
    q.overflowed("c2", "queue:support", clock.now());
    q.entered("c2", "support", clock.now());
    q.entered("c3", "sales", clock.now());
    q.overflowed("c3", "full", clock.now());

    assertEquals(1, overflowed("hangup"));
    assertEquals(1, overflowed("queue"));
    assertEquals(0, overflowed("dialplan"));
    assertEquals(1, counter("tawag.queue.calls.timed.out", "queue", "sales"));
    assertEquals(1, counter("tawag.queue.calls.rejected", "queue", "sales"));
    assertEquals(1, gauge("tawag.queue.waiting.calls", "queue", "support"));
    // The overflowed call keeps its arrival time: 1 s so far.
    assertEquals(1, gauge("tawag.queue.oldest.wait", "queue", "support"), 1e-9);
  }

  @Test
  void agentsByStateAndTimeInStateCountTheCurrentState() {
    q.agentState("alice", AgentState.NOT_READY, "logged in", clock.now());
    q.agentState("bob", AgentState.NOT_READY, "smoking", clock.now());
    clock.advance(Duration.ofSeconds(10));
    q.agentState("alice", AgentState.AVAILABLE, "", clock.now());
    clock.advance(Duration.ofSeconds(5));

    assertEquals(1, gauge("tawag.queue.agents", "queue", "sales", "state", "available"));
    assertEquals(1, gauge("tawag.queue.agents", "queue", "sales", "state", "not_ready"));
    assertEquals(1, gauge("tawag.queue.agents", "queue", "support", "state", "not_ready"));
    assertEquals(0, gauge("tawag.queue.agents", "queue", "support", "state", "available"));
    assertEquals(1, gauge("tawag.agents.not.ready", "reason", "other"));
    assertEquals(0, gauge("tawag.agents.not.ready", "reason", "logged_in"));
    assertEquals(10, stateSeconds("alice", "not_ready"), 1e-9);
    assertEquals(5, stateSeconds("alice", "available"), 1e-9);
    assertEquals(15, stateSeconds("bob", "not_ready"), 1e-9);
  }

  @Test
  void agentsBeyondTheCapShareTheOtherSeries() {
    // Cap 2: alice and bob (configured members) have their own series; carol and dave do not.
    q.notAnswered("c1", "carol", clock.now());
    q.notAnswered("c2", "dave", clock.now());
    q.notAnswered("c3", "alice", clock.now());
    answer("c4", "sales", "dave", 1);

    assertEquals(
        2, registry.get("tawag.agent.offers.unanswered").tag("agent", "other").counter().count());
    assertEquals(
        1, registry.get("tawag.agent.offers.unanswered").tag("agent", "alice").counter().count());
    assertEquals(
        1, registry.get("tawag.agent.calls.handled").tag("agent", "other").counter().count());
    assertNull(registry.find("tawag.agent.offers.unanswered").tag("agent", "carol").counter());
    assertFalse(metrics.scrape().contains("carol"));
  }

  @Test
  void unknownQueuesAreIgnoredNotLabelled() {
    q.entered("c1", "nope", clock.now());
    q.answered("c1", "nope", "alice", Duration.ofSeconds(1), clock.now());
    assertFalse(metrics.scrape().contains("nope"));
  }

  // ---- helpers ----

  private void answer(String call, String queue, String agent, int waitedSeconds) {
    q.entered(call, queue, clock.now().minusSeconds(waitedSeconds));
    q.answered(call, queue, agent, Duration.ofSeconds(waitedSeconds), clock.now());
  }

  private double gauge(String name, String... tags) {
    return registry.get(name).tags(tags).gauge().value();
  }

  private double counter(String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }

  private double overflowed(String target) {
    return counter("tawag.queue.calls.overflowed", "queue", "sales", "target", target);
  }

  private double seconds(String name, String queue) {
    return registry.get(name).tag("queue", queue).timer().totalTime(TimeUnit.SECONDS);
  }

  private double stateSeconds(String agent, String state) {
    return registry
        .get("tawag.agent.state.time")
        .tags("agent", agent, "state", state)
        .functionCounter()
        .count();
  }
}
