package org.tawag.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which free agent a call is offered to, by strategy and caller priority. */
class AcdRoutingTest {

  @Test
  void longestIdlePicksTheAgentIdleLongest() {
    AcdFixture f = AcdFixture.oneQueue(QueueSpec.of("q", Strategy.LONGEST_IDLE), "a1", "a2", "a3");
    f.ready("a2", "a3", "a1");
    f.take();

    f.acd.callArrived("c1", "q", 0);

    assertEquals(List.of("offer a2 c1"), f.take());
    assertEquals(AgentState.OFFERED, f.state("a2"));
  }

  @Test
  void longestIdleCountsFromTheEndOfTheLastCall() {
    QueueSpec q = QueueSpec.of("q", Strategy.LONGEST_IDLE).withWrapUp(java.time.Duration.ZERO);
    AcdFixture f = AcdFixture.oneQueue(q, "a1", "a2");
    f.ready("a1", "a2");
    f.acd.callArrived("c1", "q", 0);
    f.acd.offerAccepted("a1", "c1");
    f.acd.callEnded("c1");
    f.take();

    f.acd.callArrived("c2", "q", 0);

    assertEquals(List.of("offer a2 c2"), f.take());
  }

  @Test
  void roundRobinRotatesOverTheMemberList() {
    QueueSpec q = QueueSpec.of("q", Strategy.ROUND_ROBIN).withWrapUp(java.time.Duration.ZERO);
    AcdFixture f = AcdFixture.oneQueue(q, "a1", "a2", "a3");
    f.ready("a3", "a2", "a1");
    f.take();

    for (int i = 1; i <= 4; i++) {
      f.acd.callArrived("c" + i, "q", 0);
      String agent = f.take().get(0).split(" ")[1];
      f.acd.offerAccepted(agent, "c" + i);
      f.acd.callEnded("c" + i);
      f.take();
      assertEquals(List.of("a1", "a2", "a3", "a1").get(i - 1), agent);
    }
  }

  @Test
  void roundRobinSkipsBusyMembers() {
    AcdFixture f = AcdFixture.oneQueue(QueueSpec.of("q", Strategy.ROUND_ROBIN), "a1", "a2", "a3");
    f.ready("a1", "a3");
    f.take();

    f.acd.callArrived("c1", "q", 0);
    f.acd.callArrived("c2", "q", 0);

    assertEquals(List.of("offer a1 c1", "offer a3 c2"), f.take());
  }

  @Test
  void fewestCallsPicksTheAgentWithFewestAnsweredTiesByIdle() {
    QueueSpec q = QueueSpec.of("q", Strategy.FEWEST_CALLS).withWrapUp(java.time.Duration.ZERO);
    AcdFixture f = AcdFixture.oneQueue(q, "a1", "a2", "a3");
    f.ready("a1", "a2", "a3");
    // a1 and a2 each answer one call; a3 stays at zero although it became idle last.
    f.acd.callArrived("c1", "q", 0);
    f.acd.offerAccepted("a1", "c1");
    f.acd.callArrived("c2", "q", 0);
    f.acd.offerAccepted("a2", "c2");
    f.acd.callEnded("c1");
    f.acd.callEnded("c2");
    f.take();

    f.acd.callArrived("c3", "q", 0);
    assertEquals(List.of("offer a3 c3"), f.take());
    f.acd.offerAccepted("a3", "c3");

    // All have one call now: the tie goes to the longest idle, a1.
    f.acd.callArrived("c4", "q", 0);
    assertEquals(List.of("connect a3 c3", "answered c3 q a3 PT0S", "offer a1 c4"), f.take());
    assertEquals(1, f.acd.agent("a3").callsHandled());
  }

  @Test
  void skillsPicksTheHighestLevelTiesByIdle() {
    QueueSpec q = QueueSpec.of("q", Strategy.SKILLS);
    AcdFixture f =
        new AcdFixture(
            List.of(q),
            List.of(
                new Member("low", "q", 2),
                new Member("high1", "q", 8),
                new Member("high2", "q", 8),
                new Member("mid", "q", 5)));
    f.ready("low", "high2", "mid", "high1");
    f.take();

    f.acd.callArrived("c1", "q", 0);
    f.acd.callArrived("c2", "q", 0);
    f.acd.callArrived("c3", "q", 0);

    assertEquals(List.of("offer high2 c1", "offer high1 c2", "offer mid c3"), f.take());
  }

  @Test
  void ringAllFirstAcceptWinsAndTheOthersAreCancelledWithoutPenalty() {
    AcdFixture f = AcdFixture.oneQueue(QueueSpec.of("q", Strategy.RING_ALL), "a1", "a2", "a3");
    f.ready("a1", "a2", "a3");
    f.take();

    f.acd.callArrived("c1", "q", 0);
    assertEquals(List.of("offer a1 c1", "offer a2 c1", "offer a3 c1"), f.take());

    f.acd.offerAccepted("a2", "c1");

    assertEquals(
        List.of("cancelOffer a1 c1", "cancelOffer a3 c1", "connect a2 c1", "answered c1 q a2 PT0S"),
        f.take());
    assertEquals(AgentState.AVAILABLE, f.state("a1"));
    assertEquals(AgentState.ON_CALL, f.state("a2"));
    assertEquals(AgentState.AVAILABLE, f.state("a3"));
    // A late accept from a loser is ignored, not a second connect.
    f.acd.offerAccepted("a1", "c1");
    assertEquals(List.of(), f.take());
    assertEquals(1, f.acd.ignoredEvents());
  }

  @Test
  void ringAllLosersKeepTheirIdleRank() {
    QueueSpec ringAll = QueueSpec.of("all", Strategy.RING_ALL);
    QueueSpec idle = QueueSpec.of("idle", Strategy.LONGEST_IDLE);
    AcdFixture f =
        new AcdFixture(
            List.of(ringAll, idle),
            List.of(
                Member.of("a1", "all"), Member.of("a2", "all"),
                Member.of("a1", "idle"), Member.of("a2", "idle")));
    f.ready("a1", "a2");
    f.acd.callArrived("c1", "all", 0);
    f.seconds(3);
    f.acd.offerAccepted("a2", "c1");
    f.take();

    f.acd.callArrived("c2", "idle", 0);

    assertEquals(List.of("offer a1 c2"), f.take());
  }

  @Test
  void higherPriorityBeatsLongerWait() {
    AcdFixture f = AcdFixture.oneQueue(QueueSpec.of("q", Strategy.LONGEST_IDLE), "a1");
    f.acd.agentLoggedIn("a1");
    f.acd.callArrived("old", "q", 0);
    f.seconds(30);
    f.acd.callArrived("vip", "q", 5);
    f.seconds(1);
    f.acd.callArrived("older-vip-peer", "q", 5);
    f.take();

    f.acd.agentReady("a1");

    assertEquals(List.of("offer a1 vip"), f.take());
  }

  @Test
  void agentNotReadyWhileOfferedReroutesTheCall() {
    AcdFixture f = AcdFixture.oneQueue(QueueSpec.of("q", Strategy.LONGEST_IDLE), "a1", "a2");
    f.ready("a1", "a2");
    f.acd.callArrived("c1", "q", 0);
    f.take();
    f.out.takeStates();

    f.acd.agentNotReady("a1", "break");

    assertEquals(List.of("cancelOffer a1 c1", "offer a2 c1"), f.take());
    assertEquals(List.of("a1 NOT_READY break", "a2 OFFERED offered"), f.out.takeStates());
  }

  @Test
  void notReadyDuringACallStartsAfterTheCall() {
    QueueSpec q = QueueSpec.of("q", Strategy.LONGEST_IDLE).withWrapUp(java.time.Duration.ZERO);
    AcdFixture f = AcdFixture.oneQueue(q, "a1");
    f.ready("a1");
    f.acd.callArrived("c1", "q", 0);
    f.acd.offerAccepted("a1", "c1");
    f.acd.agentNotReady("a1", "lunch");
    assertEquals(AgentState.ON_CALL, f.state("a1"));

    f.acd.callEnded("c1");

    assertEquals(AgentState.NOT_READY, f.acd.agent("a1").state());
    assertEquals("lunch", f.acd.agent("a1").reason());
  }

  @Test
  void logoutWhileOnCallLeavesTheCallAndGivesNoWrapUp() {
    AcdFixture f = AcdFixture.oneQueue(QueueSpec.of("q", Strategy.LONGEST_IDLE), "a1");
    f.ready("a1");
    f.acd.callArrived("c1", "q", 0);
    f.acd.offerAccepted("a1", "c1");
    f.take();

    f.acd.agentLoggedOut("a1");
    assertEquals(AgentState.OFFLINE, f.state("a1"));
    f.acd.callEnded("c1");

    assertEquals(AgentState.OFFLINE, f.state("a1"));
    assertEquals(List.of(), f.take());
    assertEquals(0, f.acd.checkInvariants());
  }

  @Test
  void logoutWhileOfferedReroutes() {
    AcdFixture f = AcdFixture.oneQueue(QueueSpec.of("q", Strategy.LONGEST_IDLE), "a1", "a2");
    f.ready("a1", "a2");
    f.acd.callArrived("c1", "q", 0);
    f.take();

    f.acd.agentLoggedOut("a1");

    assertEquals(List.of("cancelOffer a1 c1", "offer a2 c1"), f.take());
  }

  @Test
  void loginStartsNotReadyAndOnlyReadyMakesAvailable() {
    AcdFixture f = AcdFixture.oneQueue(QueueSpec.of("q", Strategy.LONGEST_IDLE), "a1");
    f.acd.callArrived("c1", "q", 0);

    f.acd.agentLoggedIn("a1");
    assertEquals("logged in", f.acd.agent("a1").reason());
    assertEquals(List.of(), f.take());

    f.acd.agentReady("a1");
    assertEquals(List.of("offer a1 c1"), f.take());
  }

  @Test
  void unknownIdsAndLateEventsAreIgnoredAndCounted() {
    AcdFixture f = AcdFixture.oneQueue(QueueSpec.of("q", Strategy.LONGEST_IDLE), "a1");
    f.ready("a1");
    f.take();

    f.acd.agentReady("nobody");
    f.acd.agentLoggedOut(null);
    f.acd.callEnded("no-such-call");
    f.acd.offerAccepted("a1", "no-such-call");
    f.acd.offerRejected("nobody", "c9");
    f.acd.wrapUpDone("a1");
    assertFalse(f.acd.callArrived("c1", "no-such-queue", 0));
    assertTrue(f.acd.callArrived("c2", "q", 0));
    assertFalse(f.acd.callArrived("c2", "q", 0));

    assertEquals(8, f.acd.ignoredEvents());
    assertEquals(List.of("offer a1 c2"), f.take());
  }
}
