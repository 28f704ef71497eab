package org.tawag.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Queue counters and agent views for wallboards and metrics. */
class AcdStatsTest {
  private static final QueueSpec Q =
      QueueSpec.of("q", Strategy.LONGEST_IDLE)
          .withWrapUp(Duration.ZERO)
          .withServiceLevel(Duration.ofSeconds(20));

  @Test
  void countsAnsweredAbandonedServiceLevelAndAsa() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1");
    f.acd.agentLoggedIn("a1");
    answerAfter(f, "c1", 10);
    answerAfter(f, "c2", 20);
    answerAfter(f, "c3", 36);
    f.acd.callArrived("gone", "q", 0);
    f.seconds(4);
    f.acd.callEnded("gone");
    f.acd.callArrived("waiting", "q", 0);
    f.seconds(7);

    QueueStats s = f.acd.stats("q");

    assertEquals(
        new QueueStats("q", 1, Duration.ofSeconds(7), 5, 3, 1, 0, 0, 2, Duration.ofSeconds(22)), s);
  }

  @Test
  void asaIsZeroBeforeAnyAnswer() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1");
    assertEquals(Duration.ZERO, f.acd.stats("q").averageSpeedOfAnswer());
    assertEquals(Duration.ZERO, f.acd.stats("q").longestWait());
  }

  @Test
  void agentViewShowsStateReasonSinceAndCallsHandled() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1");
    f.acd.agentLoggedIn("a1");
    answerAfter(f, "c1", 3);
    f.seconds(2);
    f.acd.agentNotReady("a1", "break");

    assertEquals(
        new AgentView("a1", AgentState.NOT_READY, "break", f.clock.instant(), 1),
        f.acd.agent("a1"));
    f.acd.agentLoggedOut("a1");
    f.acd.agentLoggedIn("a1");
    assertEquals(0, f.acd.agent("a1").callsHandled());
  }

  @Test
  void queriesForUnknownNamesAreCallerMistakes() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1");
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> f.acd.stats("nope"));
    assertEquals("unknown queue: nope", e.getMessage());
    e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> f.acd.agent("ghost"));
    assertEquals("unknown agent: ghost", e.getMessage());
  }

  /** A call waits {@code seconds}, then a1 (paused meanwhile) takes it and it ends. */
  private static void answerAfter(AcdFixture f, String callId, long seconds) {
    f.acd.callArrived(callId, "q", 0);
    f.seconds(seconds);
    f.acd.agentReady("a1");
    f.acd.offerAccepted("a1", callId);
    f.acd.agentNotReady("a1", "paperwork");
    f.acd.callEnded(callId);
  }
}
