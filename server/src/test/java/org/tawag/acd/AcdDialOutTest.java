package org.tawag.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calls agents place themselves: busy while ringing, back where they were on failure. */
class AcdDialOutTest {
  private static final QueueSpec Q =
      QueueSpec.of("q", Strategy.LONGEST_IDLE).withWrapUp(Duration.ofSeconds(30));

  @Test
  void dialFromAvailableHoldsTheAgentSoNoInboundOfferRacesIt() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1");
    f.ready("a1");
    f.out.takeStates();

    assertTrue(f.acd.dialOut("a1", "d1", "q"));
    f.acd.callArrived("c1", "q", 0);

    assertEquals(List.of("a1 ON_CALL dialling"), f.out.takeStates());
    assertEquals(List.of(), f.take());
    assertEquals(1, f.acd.stats("q").waiting());
    assertEquals(0, f.acd.checkInvariants());
  }

  @Test
  void answeredDialIsOnCallThenWrapUpOfItsQueueThenAvailable() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1");
    f.ready("a1");
    f.acd.dialOut("a1", "d1", "q");
    f.seconds(5);
    f.out.takeStates();

    assertTrue(f.acd.dialAnswered("d1"));
    assertEquals(List.of("a1 ON_CALL on call"), f.out.takeStates());
    assertEquals(1, f.acd.agent("a1").callsHandled());
    f.seconds(60);
    assertEquals(0, f.acd.checkInvariants());

    f.acd.callEnded("d1");
    assertEquals(List.of("a1 WRAP_UP wrap-up"), f.out.takeStates());
    f.seconds(30);
    assertEquals(List.of("a1 AVAILABLE ready"), f.out.takeStates());
    assertEquals(List.of(), f.take(), "no queue command for a call the agent placed");
  }

  @Test
  void dialsCountInNoQueueStatistics() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1");
    f.ready("a1");
    QueueStats before = f.acd.stats("q");
    f.acd.dialOut("a1", "d1", "q");
    f.acd.dialAnswered("d1");
    f.acd.callEnded("d1");
    f.acd.wrapUpDone("a1");
    f.acd.dialOut("a1", "d2", "q");
    f.acd.callEnded("d2"); // ended before answer: not an abandoned call

    assertEquals(before, f.acd.stats("q"));
  }

  @Test
  void failedDialReturnsAnAvailableAgentKeepingTheirIdleTime() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1", "a2");
    f.ready("a1", "a2");
    f.acd.dialOut("a1", "d1", "q");
    f.seconds(20);
    f.out.takeStates();

    f.acd.dialFailed("d1");

    assertEquals(List.of("a1 AVAILABLE ready"), f.out.takeStates());
    f.acd.callArrived("c1", "q", 0);
    assertEquals(List.of("offer a1 c1"), f.take(), "a1 is still the longest idle");
  }

  @Test
  void dialFromNotReadyReturnsToThatPauseAfterFailureAndAfterWrapUp() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1");
    f.acd.agentLoggedIn("a1");
    f.acd.agentNotReady("a1", "outbound work");
    f.out.takeStates();

    assertTrue(f.acd.dialOut("a1", "d1", "q"));
    f.acd.dialFailed("d1");
    assertEquals(List.of("a1 ON_CALL dialling", "a1 NOT_READY outbound work"), f.out.takeStates());

    f.acd.dialOut("a1", "d2", "q");
    f.acd.dialAnswered("d2");
    f.acd.callEnded("d2");
    f.seconds(30);
    assertEquals(
        List.of(
            "a1 ON_CALL dialling",
            "a1 ON_CALL on call",
            "a1 WRAP_UP wrap-up",
            "a1 NOT_READY outbound work"),
        f.out.takeStates());
  }

  @Test
  void readyDuringTheDialEndsTheEarlierPause() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1");
    f.acd.agentLoggedIn("a1");
    f.acd.dialOut("a1", "d1", "q");
    f.acd.agentReady("a1");
    f.acd.callArrived("c1", "q", 0);
    f.take();

    f.acd.dialFailed("d1");

    assertEquals(AgentState.OFFERED, f.state("a1"));
    assertEquals(List.of("offer a1 c1"), f.take());
  }

  @Test
  void pauseAskedDuringTheDialWinsAfterAFailure() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1");
    f.ready("a1");
    f.acd.dialOut("a1", "d1", "q");
    f.acd.agentNotReady("a1", "lunch");

    f.acd.dialFailed("d1");

    assertEquals(AgentState.NOT_READY, f.state("a1"));
    assertEquals("lunch", f.acd.agent("a1").reason());
  }

  @Test
  void dialIsRefusedUnlessAvailableOrNotReady() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1", "a2");
    f.ready("a1");
    f.acd.callArrived("c1", "q", 0);
    long before = f.acd.ignoredEvents();

    assertFalse(f.acd.dialOut("a1", "d1", "q"), "offered");
    assertFalse(f.acd.dialOut("a2", "d1", "q"), "offline");
    f.acd.offerAccepted("a1", "c1");
    assertFalse(f.acd.dialOut("a1", "d1", "q"), "on call");
    f.acd.callEnded("c1");
    assertFalse(f.acd.dialOut("a1", "d1", "q"), "wrap-up");
    f.acd.wrapUpDone("a1");
    assertFalse(f.acd.dialOut("a1", "d1", "nope"), "unknown queue");
    assertFalse(f.acd.dialOut("ghost", "d1", "q"), "unknown agent");
    assertTrue(f.acd.dialOut("a1", "d1", "q"));
    f.acd.agentLoggedIn("a2");
    f.acd.agentReady("a2");
    assertFalse(f.acd.dialOut("a2", "d1", "q"), "call id in use");

    assertEquals(before + 7, f.acd.ignoredEvents());
  }

  @Test
  void agentWhoLogsOutWhileDiallingLeavesTheCallToBeHungUp() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1");
    f.ready("a1");
    f.acd.dialOut("a1", "d1", "q");

    f.acd.agentLoggedOut("a1");

    assertFalse(f.acd.dialAnswered("d1"), "nobody waits for it");
    f.acd.callEnded("d1");
    assertEquals(AgentState.OFFLINE, f.state("a1"));
    assertEquals(0, f.acd.checkInvariants());
  }

  @Test
  void lateAnswerOrFailureIsIgnored() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1");
    f.ready("a1");
    f.acd.dialOut("a1", "d1", "q");
    f.acd.dialAnswered("d1");
    long before = f.acd.ignoredEvents();

    f.acd.dialFailed("d1");
    assertFalse(f.acd.dialAnswered("d1"));
    f.acd.dialFailed("nope");

    assertEquals(AgentState.ON_CALL, f.state("a1"));
    assertEquals(before + 3, f.acd.ignoredEvents());
  }
}
