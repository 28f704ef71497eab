package org.tawag.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No answer, rejection, wrap-up and abandon: everything the clock or the caller ends. */
class AcdTimeoutTest {
  private static final QueueSpec Q =
      QueueSpec.of("q", Strategy.LONGEST_IDLE)
          .withOfferTimeout(Duration.ofSeconds(15))
          .withWrapUp(Duration.ofSeconds(30));

  @Test
  void offerTimeoutCancelsPenalisesAndOffersTheNextAgent() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1", "a2");
    f.ready("a1", "a2");
    f.acd.callArrived("c1", "q", 0);
    assertEquals(List.of("offer a1 c1"), f.take());

    f.seconds(14);
    assertEquals(List.of(), f.take());
    f.seconds(1);

    assertEquals(List.of("cancelOffer a1 c1", "offer a2 c1"), f.take());
    assertEquals(AgentState.NOT_READY, f.state("a1"));
    assertEquals("no answer", f.acd.agent("a1").reason());
  }

  @Test
  void offerTimeoutWithNobodyElseLeavesTheCallWaiting() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1");
    f.ready("a1");
    f.acd.callArrived("c1", "q", 0);
    f.seconds(15);
    assertEquals(List.of("offer a1 c1", "cancelOffer a1 c1"), f.take());

    // The penalised agent is not rung again until ready, then gets the same call.
    f.seconds(60);
    assertEquals(List.of(), f.take());
    f.acd.agentReady("a1");
    assertEquals(List.of("offer a1 c1"), f.take());
  }

  @Test
  void rejectIsLikeNoAnswerButNeedsNoCancel() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1", "a2");
    f.ready("a1", "a2");
    f.acd.callArrived("c1", "q", 0);
    f.take();

    f.acd.offerRejected("a1", "c1");

    assertEquals(List.of("offer a2 c1"), f.take());
    assertEquals("no answer", f.acd.agent("a1").reason());
    // The first offer's timer is dead: a2 gets its own full 15 s.
    f.seconds(14);
    assertEquals(List.of(), f.take());
    f.seconds(1);
    assertEquals(List.of("cancelOffer a2 c1"), f.take());
  }

  @Test
  void ringAllTimeoutPenalisesEveryoneStillRinging() {
    QueueSpec q = QueueSpec.of("q", Strategy.RING_ALL).withOfferTimeout(Duration.ofSeconds(10));
    AcdFixture f = AcdFixture.oneQueue(q, "a1", "a2", "a3");
    f.ready("a1", "a2", "a3");
    f.acd.callArrived("c1", "q", 0);
    f.acd.offerRejected("a2", "c1");
    f.take();

    f.seconds(10);

    assertEquals(List.of("cancelOffer a1 c1", "cancelOffer a3 c1"), f.take());
    for (String a : List.of("a1", "a2", "a3")) {
      assertEquals(AgentState.NOT_READY, f.state(a), a);
    }
    assertEquals(1, f.acd.stats("q").waiting());
  }

  @Test
  void wrapUpThenAvailableAndAWaitingCallIsOffered() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1");
    f.ready("a1");
    f.acd.callArrived("c1", "q", 0);
    f.acd.offerAccepted("a1", "c1");
    f.seconds(100);
    f.acd.callArrived("c2", "q", 0);
    f.acd.callEnded("c1");
    f.take();
    assertEquals(AgentState.WRAP_UP, f.state("a1"));

    f.seconds(29);
    assertEquals(List.of(), f.take());
    f.seconds(1);

    assertEquals(List.of("offer a1 c2"), f.take());
    assertEquals(AgentState.OFFERED, f.state("a1"));
  }

  @Test
  void wrapUpDoneEndsWrapUpEarlyAndTheOldTimerDoesNothing() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1");
    f.ready("a1");
    f.acd.callArrived("c1", "q", 0);
    f.acd.offerAccepted("a1", "c1");
    f.acd.callEnded("c1");
    f.seconds(5);

    f.acd.wrapUpDone("a1");
    assertEquals(AgentState.AVAILABLE, f.state("a1"));
    f.acd.agentNotReady("a1", "break");
    f.seconds(60);

    assertEquals(AgentState.NOT_READY, f.state("a1"));
    assertEquals("break", f.acd.agent("a1").reason());
  }

  @Test
  void abandonWhileWaitingReportsTheWait() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1");
    f.acd.callArrived("c1", "q", 0);
    f.seconds(42);

    f.acd.callEnded("c1");

    assertEquals(List.of("abandoned c1 q PT42S"), f.take());
    assertEquals(0, f.acd.stats("q").waiting());
  }

  @Test
  void abandonWhileOfferedCancelsTheOfferWithoutPenalty() {
    AcdFixture f = AcdFixture.oneQueue(Q, "a1");
    f.acd.callArrived("c1", "q", 0);
    f.seconds(7);
    f.ready("a1");
    f.seconds(3);
    f.take();

    f.acd.callEnded("c1");

    assertEquals(List.of("cancelOffer a1 c1", "abandoned c1 q PT11S"), f.take());
    assertEquals(AgentState.AVAILABLE, f.state("a1"));
    f.seconds(60);
    assertEquals(AgentState.AVAILABLE, f.state("a1"));
    assertEquals(0, f.timers.pending());
  }

  @Test
  void maxWaitOverflowsToADialPlanTarget() {
    QueueSpec q =
        QueueSpec.of("q", Strategy.LONGEST_IDLE)
            .withMaxWait(Duration.ofSeconds(60), new Overflow.ToTarget("voicemail"));
    AcdFixture f = AcdFixture.oneQueue(q, "a1");
    f.acd.callArrived("c1", "q", 0);

    f.seconds(59);
    assertEquals(List.of(), f.take());
    f.seconds(1);

    assertEquals(List.of("overflow c1 ToTarget[dialPlanTarget=voicemail]"), f.take());
    assertEquals(0, f.acd.stats("q").waiting());
    assertEquals(1, f.acd.stats("q").overflowed());
    // The call is gone from the ACD: a late hang-up is ignored.
    f.acd.callEnded("c1");
    assertEquals(List.of(), f.take());
  }

  @Test
  void maxWaitWhileRingingCancelsTheOfferAndHangsUp() {
    QueueSpec q =
        QueueSpec.of("q", Strategy.LONGEST_IDLE)
            .withOfferTimeout(Duration.ofSeconds(30))
            .withMaxWait(Duration.ofSeconds(20), new Overflow.HangUp());
    AcdFixture f = AcdFixture.oneQueue(q, "a1");
    f.acd.callArrived("c1", "q", 0);
    f.seconds(10);
    f.ready("a1");
    f.take();

    f.seconds(10);

    assertEquals(List.of("cancelOffer a1 c1", "overflow c1 HangUp[]"), f.take());
    assertEquals(AgentState.AVAILABLE, f.state("a1"));
  }

  @Test
  void maxLengthRejectsTheNextCall() {
    AcdFixture f = AcdFixture.oneQueue(Q.withMaxLength(2), "a1");
    f.acd.callArrived("c1", "q", 0);
    f.acd.callArrived("c2", "q", 0);

    f.acd.callArrived("c3", "q", 0);

    assertEquals(List.of("rejectFull c3"), f.take());
    assertEquals(2, f.acd.stats("q").waiting());
    assertEquals(1, f.acd.stats("q").rejected());
    f.acd.callEnded("c1");
    f.acd.callArrived("c4", "q", 0);
    assertEquals(List.of("abandoned c1 q PT0S"), f.take());
  }

  @Test
  void whenNoAgentsOverflowSendsTheCallOnAtOnce() {
    QueueSpec q =
        QueueSpec.of("q", Strategy.LONGEST_IDLE)
            .withWhenNoAgents(WhenNoAgents.OVERFLOW, new Overflow.ToTarget("closed"));
    AcdFixture f = AcdFixture.oneQueue(q, "a1");

    f.acd.callArrived("c1", "q", 0);
    assertEquals(List.of("overflow c1 ToTarget[dialPlanTarget=closed]"), f.take());

    // Logged in but paused counts as present: the call waits.
    f.acd.agentLoggedIn("a1");
    f.acd.callArrived("c2", "q", 0);
    assertEquals(List.of(), f.take());
    assertEquals(1, f.acd.stats("q").waiting());
  }

  @Test
  void announcementsGivePositionAndEstimatedWaitOnlyWhileWaiting() {
    QueueSpec q = Q.withAnnounceEvery(Duration.ofSeconds(30)).withWrapUp(Duration.ZERO);
    AcdFixture f = AcdFixture.oneQueue(q, "a1");
    f.acd.callArrived("c1", "q", 0);
    f.seconds(10);
    f.acd.callArrived("c2", "q", 0);

    f.seconds(20);
    assertEquals(List.of("announce c1 1 none"), f.take());
    f.seconds(10);
    assertEquals(List.of("announce c2 2 none"), f.take());

    // c1 is answered after 51 s: from now on the estimate is 51 s, and c2 is first.
    f.seconds(10);
    f.ready("a1");
    f.acd.offerAccepted("a1", "c1");
    f.take();
    f.seconds(19);
    assertEquals(List.of("announce c2 1 PT51S"), f.take());

    // A ringing call hears nothing; when the ring fails its announcements restart.
    f.acd.callEnded("c1");
    f.take();
    f.seconds(15);
    assertEquals(List.of("cancelOffer a1 c2"), f.take());
    f.seconds(30);
    assertEquals(List.of("announce c2 1 PT51S"), f.take());
  }
}
