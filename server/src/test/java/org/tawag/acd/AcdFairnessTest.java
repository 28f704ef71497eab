package org.tawag.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fair order across queues that share agents, and across an overflow from one queue to another. */
class AcdFairnessTest {
  private static final QueueSpec SALES = QueueSpec.of("sales", Strategy.LONGEST_IDLE);
  private static final QueueSpec SUPPORT = QueueSpec.of("support", Strategy.LONGEST_IDLE);

  private static AcdFixture sharedAgent() {
    return new AcdFixture(
        List.of(SALES, SUPPORT), List.of(Member.of("a1", "sales"), Member.of("a1", "support")));
  }

  @Test
  void aSharedAgentGetsTheLongestWaitingCallAcrossBothQueues() {
    AcdFixture f = sharedAgent();
    f.acd.callArrived("s1", "sales", 0);
    f.seconds(5);
    f.acd.callArrived("p1", "support", 0);
    f.seconds(5);
    f.acd.callArrived("s2", "sales", 0);
    f.acd.agentLoggedIn("a1");

    f.acd.agentReady("a1");
    assertEquals(List.of("offer a1 s1"), f.take());
    f.acd.offerRejected("a1", "s1");
    f.acd.agentReady("a1");
    assertEquals(List.of("offer a1 s1"), f.take());
    f.acd.offerAccepted("a1", "s1");
    f.acd.callEnded("s1");
    f.acd.wrapUpDone("a1");

    assertEquals(List.of("connect a1 s1", "answered s1 sales a1 PT10S", "offer a1 p1"), f.take());
  }

  @Test
  void priorityWinsAcrossQueuesThenTheLongestWaitAmongThatPriority() {
    AcdFixture f = sharedAgent();
    f.acd.callArrived("old-normal", "sales", 0);
    f.seconds(5);
    f.acd.callArrived("vip-sales", "sales", 3);
    f.seconds(5);
    f.acd.callArrived("vip-support-older", "support", 3);
    f.seconds(5);
    f.acd.agentLoggedIn("a1");
    f.take();

    f.acd.agentReady("a1");

    assertEquals(List.of("offer a1 vip-sales"), f.take());
  }

  @Test
  void anArrivingCallIsOfferedAtOnceWhenItsQueueHasAFreeMember() {
    AcdFixture f =
        new AcdFixture(
            List.of(SALES, SUPPORT), List.of(Member.of("a1", "sales"), Member.of("a2", "support")));
    f.ready("a2");
    f.acd.callArrived("s1", "sales", 0);
    f.seconds(5);

    f.acd.callArrived("p1", "support", 0);

    assertEquals(List.of("offer a2 p1"), f.take());
    assertEquals(1, f.acd.stats("sales").waiting());
  }

  @Test
  void overflowToAnotherQueueKeepsTheArrivalTimeForOrder() {
    QueueSpec first =
        QueueSpec.of("first", Strategy.LONGEST_IDLE)
            .withMaxWait(Duration.ofSeconds(60), new Overflow.ToQueue("backup"));
    QueueSpec backup = QueueSpec.of("backup", Strategy.LONGEST_IDLE);
    AcdFixture f = new AcdFixture(List.of(first, backup), List.of(Member.of("b1", "backup")));
    f.acd.callArrived("moved", "first", 0);
    f.seconds(30);
    f.acd.callArrived("local", "backup", 0);
    f.seconds(30);
    assertEquals(List.of("overflow moved ToQueue[queue=backup]"), f.take());
    assertEquals(2, f.acd.stats("backup").waiting());
    assertEquals(Duration.ofSeconds(60), f.acd.stats("backup").longestWait());

    f.acd.agentLoggedIn("b1");
    f.acd.agentReady("b1");
    assertEquals(List.of("offer b1 moved"), f.take());
    f.seconds(1);
    f.acd.offerAccepted("b1", "moved");

    assertEquals(List.of("connect b1 moved", "answered moved backup b1 PT1M1S"), f.take());
    QueueStats firstStats = f.acd.stats("first");
    assertEquals(1, firstStats.entered());
    assertEquals(1, firstStats.overflowed());
    assertEquals(0, firstStats.waiting());
    assertEquals(2, f.acd.stats("backup").entered());
  }

  @Test
  void overflowIntoAFullQueueIsRejected() {
    QueueSpec first =
        QueueSpec.of("first", Strategy.LONGEST_IDLE)
            .withMaxWait(Duration.ofSeconds(10), new Overflow.ToQueue("backup"));
    QueueSpec backup = QueueSpec.of("backup", Strategy.LONGEST_IDLE).withMaxLength(1);
    AcdFixture f = new AcdFixture(List.of(first, backup), List.of());
    f.acd.callArrived("full", "backup", 0);
    f.acd.callArrived("c1", "first", 0);

    f.seconds(10);

    assertEquals(List.of("overflow c1 ToQueue[queue=backup]", "rejectFull c1"), f.take());
    assertEquals(1, f.acd.stats("backup").rejected());
  }

  @Test
  void anEmptyQueueChainEndsInAHangUpInsteadOfLooping() {
    QueueSpec a =
        QueueSpec.of("a", Strategy.LONGEST_IDLE)
            .withWhenNoAgents(WhenNoAgents.OVERFLOW, new Overflow.ToQueue("b"));
    QueueSpec b =
        QueueSpec.of("b", Strategy.LONGEST_IDLE)
            .withWhenNoAgents(WhenNoAgents.OVERFLOW, new Overflow.ToQueue("a"));
    AcdFixture f = new AcdFixture(List.of(a, b), List.of(Member.of("x", "a")));

    f.acd.callArrived("c1", "a", 0);

    assertEquals(
        List.of(
            "overflow c1 ToQueue[queue=b]", "overflow c1 ToQueue[queue=a]", "overflow c1 HangUp[]"),
        f.take());
    assertEquals(0, f.acd.stats("a").waiting());
    assertEquals(0, f.acd.stats("b").waiting());
  }
}
