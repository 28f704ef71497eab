package org.tawag.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A connected call whose agent's device is gone for good goes back to the head of its queue. */
class AcdReturnToQueueTest {
  private static final QueueSpec Q = QueueSpec.of("q", Strategy.LONGEST_IDLE);

  @Test
  void returnedCallIsOfferedBeforeEarlierWaitingCalls() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1", "a2");
    f.ready("a1");
    f.acd.callArrived("c1", "q", 0);
    f.acd.offerAccepted("a1", "c1");
    f.seconds(5);
    // Two later calls wait while c1 is on the phone.
    f.acd.callArrived("c2", "q", 0);
    f.seconds(1);
    f.acd.callArrived("c3", "q", 0);
    f.take();

    f.acd.returnToQueue("c1");

    assertEquals(AgentState.OFFLINE, f.state("a1"));
    assertEquals("lost", f.acd.agent("a1").reason());
    f.acd.agentLoggedIn("a2");
    f.acd.agentReady("a2");
    assertEquals(List.of("offer a2 c1"), f.take());
    assertEquals(0, f.acd.checkInvariants());
  }

  @Test
  void returnedCallStillObeysPriority() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1", "a2");
    f.ready("a1");
    f.acd.callArrived("c1", "q", 0);
    f.acd.offerAccepted("a1", "c1");
    f.acd.callArrived("vip", "q", 5);
    f.take();

    f.acd.returnToQueue("c1");
    f.acd.agentLoggedIn("a2");
    f.acd.agentReady("a2");

    assertEquals(List.of("offer a2 vip"), f.take());
  }

  @Test
  void returnOfAWaitingOrUnknownCallIsIgnored() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1");
    f.acd.callArrived("c1", "q", 0);
    long before = f.acd.ignoredEvents();

    f.acd.returnToQueue("c1");
    f.acd.returnToQueue("nope");

    assertEquals(before + 2, f.acd.ignoredEvents());
  }

  @Test
  void agentWhoComesBackLaterStartsOfflineAndCanLogInAgain() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1");
    f.ready("a1");
    f.acd.callArrived("c1", "q", 0);
    f.acd.offerAccepted("a1", "c1");
    f.acd.returnToQueue("c1");
    f.take();

    f.acd.agentLoggedIn("a1");
    f.acd.agentReady("a1");

    assertEquals(List.of("offer a1 c1"), f.take());
  }
}
