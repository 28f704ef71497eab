package org.tawag.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** checkInvariants() repairs states forced through the package-private records. */
class AcdInvariantTest {
  private static final QueueSpec Q = QueueSpec.of("q", Strategy.LONGEST_IDLE);

  @Test
  void aHealthyEngineNeedsNoRepair() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1", "a2");
    f.ready("a1", "a2");
    f.acd.callArrived("c1", "q", 0);
    f.acd.callArrived("c2", "q", 0);
    f.acd.offerAccepted("a1", "c1");

    assertEquals(0, f.acd.checkInvariants());
    assertEquals(0, f.acd.invariantRepairs());
  }

  @Test
  void anOfferedAgentWithNoOfferBecomesAvailableAndGetsTheWaitingCall() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1");
    f.ready("a1");
    f.acd.agentRecords().get("a1").state = AgentState.OFFERED;
    f.acd.callArrived("c1", "q", 0);
    f.take();

    assertEquals(1, f.acd.checkInvariants());

    List<String> out = f.take();
    assertEquals(2, out.size());
    assertTrue(out.get(0).startsWith("repaired agent a1 was OFFERED"), out.get(0));
    assertEquals("offer a1 c1", out.get(1));
  }

  @Test
  void anOfferForACallThatIsGoneIsCancelled() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1");
    f.ready("a1");
    f.acd.callArrived("c1", "q", 0);
    f.acd.callRecords().remove("c1");
    f.take();

    assertEquals(1, f.acd.checkInvariants());

    assertEquals(
        List.of(
            "cancelOffer a1 c1",
            "repaired offer of call c1 to agent a1 had no live call; cancelled"),
        f.take());
    assertEquals(AgentState.AVAILABLE, f.state("a1"));
  }

  @Test
  void anAgentOnCallWithNoCallIsFreed() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1");
    f.ready("a1");
    f.acd.callArrived("c1", "q", 0);
    f.acd.offerAccepted("a1", "c1");
    f.acd.callRecords().remove("c1");
    f.take();

    assertEquals(1, f.acd.checkInvariants());

    assertEquals(AgentState.AVAILABLE, f.state("a1"));
    assertEquals(1, f.acd.invariantRepairs());
  }

  @Test
  void anEndedCallStillQueuedIsRemoved() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1");
    f.acd.callArrived("c1", "q", 0);
    f.acd.callRecords().get("c1").ended = true;

    assertEquals(1, f.acd.checkInvariants());

    assertEquals(0, f.acd.stats("q").waiting());
    assertEquals(0, f.timers.pending());
  }

  @Test
  void aCallRingingNobodyWaitsAgain() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1", "a2");
    f.ready("a1");
    f.acd.callArrived("c1", "q", 0);
    Agent a1 = f.acd.agentRecords().get("a1");
    a1.state = AgentState.NOT_READY;
    a1.offeredCall = null;
    f.acd.agentLoggedIn("a2");
    f.acd.agentReady("a2");
    f.take();

    assertEquals(1, f.acd.checkInvariants());

    assertEquals(
        List.of("repaired call c1 was ringing nobody; waiting again", "offer a2 c1"), f.take());
  }
}
