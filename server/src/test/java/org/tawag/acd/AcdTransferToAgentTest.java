package org.tawag.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calls transferred to a named operator: for them first, for the queue if they cannot take it. */
class AcdTransferToAgentTest {
  private static final QueueSpec Q =
      QueueSpec.of("q", Strategy.LONGEST_IDLE).withOfferTimeout(Duration.ofSeconds(10));

  @Test
  void offeredToTheNamedAgentEvenWhenAnotherHasWaitedLonger() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1", "a2");
    f.ready("a1", "a2");
    f.take();

    f.acd.callArrivedFor("c1", "q", "a2");

    assertEquals(List.of("offer a2 c1"), f.take(), "not a1, who is the longest idle");
    f.acd.offerAccepted("a2", "c1");
    assertEquals(0, f.acd.checkInvariants());
  }

  @Test
  void waitsForTheNamedAgentWhileOthersAreFreeThenAnyoneAfterThePersonalWait() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1", "a2");
    f.ready("a1");
    f.take();

    f.acd.callArrivedFor("c1", "q", "a2");
    assertEquals(List.of(), f.take(), "a2 is not ready: a1 does not get it yet");
    assertEquals(1, f.acd.stats("q").waiting());

    f.advance(AcdEngine.PERSONAL_WAIT);
    assertEquals(List.of("offer a1 c1"), f.take(), "after the personal wait the queue takes it");
  }

  @Test
  void theNamedAgentBecomingFreeGetsItAtOnce() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1", "a2");
    f.ready("a1");
    f.acd.callArrivedFor("c1", "q", "a2");
    f.take();

    f.seconds(5);
    f.ready("a2");

    assertEquals(List.of("offer a2 c1"), f.take());
  }

  @Test
  void noAnswerFromTheNamedAgentSendsItToTheQueue() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1", "a2");
    f.ready("a1", "a2");
    f.acd.callArrivedFor("c1", "q", "a2");
    f.take();

    f.seconds(10);

    List<String> after = f.take();
    assertEquals("offer a1 c1", after.get(after.size() - 1), after.toString());
    assertEquals(AgentState.NOT_READY, f.state("a2"));
  }

  @Test
  void anUnknownAgentIsIgnored() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1");
    long ignored = f.acd.ignoredEvents();
    assertFalse(f.acd.callArrivedFor("c1", "q", "nobody"));
    assertEquals(ignored + 1, f.acd.ignoredEvents());
  }
}
