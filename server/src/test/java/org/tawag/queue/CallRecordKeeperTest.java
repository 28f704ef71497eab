package org.tawag.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tawag.acd.AgentState;
import org.tawag.agent.DialPurpose;
import org.tawag.call.CallChannel;
import org.tawag.call.EndReason;
import org.tawag.calls.CallLog;
import org.tawag.calls.CallRecord;
import org.tawag.calls.CallRecord.Outcome;
import org.tawag.calls.QueueEvent;
import org.tawag.dialplan.Route;
import org.tawag.media.MediaLeg;

/** Call records assembled from call and ACD reports, in whatever order threads deliver them. */
class CallRecordKeeperTest {
  private static final Instant T0 = Instant.parse("2026-11-29T09:00:00Z");

  private Instant now = T0;
  private final List<CallRecord> written = new ArrayList<>();
  private final List<List<QueueEvent>> events = new ArrayList<>();
  private final CallLog log =
      new CallLog() {
        @Override
        public void record(CallRecord record, List<QueueEvent> ev) {
          written.add(record);
          events.add(ev);
        }

        @Override
        public java.util.concurrent.CompletableFuture<Void> flush() {
          return java.util.concurrent.CompletableFuture.completedFuture(null);
        }

        @Override
        public long dropped() {
          return 0;
        }
      };
  private final CallRecordKeeper keeper =
      new CallRecordKeeper(
          log,
          new Clock() {
            @Override
            public java.time.ZoneId getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
              return this;
            }

            @Override
            public Instant instant() {
              return now;
            }
          });

  private void seconds(long s) {
    now = now.plusSeconds(s);
  }

  private void arrive(String id) {
    keeper.callStarted(new Channel(id));
    keeper.routeEntered(id, new Route.Queue("support", "support"));
    keeper.entered(id, "support", now);
  }

  @Test
  void answeredCallIsWrittenAtTheEndAndAgainAfterWrapUp() {
    arrive("c1");
    seconds(5);
    keeper.offered("c1", "alice", now);
    seconds(2);
    keeper.answered("c1", "support", "alice", Duration.ofSeconds(7), now);
    seconds(10);
    keeper.hold("c1", true, now);
    seconds(3);
    keeper.hold("c1", false, now);
    seconds(20);
    keeper.callEnded("c1", EndReason.REMOTE_HANGUP);
    assertTrue(written.isEmpty(), "waits for the ACD to let go of the call");
    keeper.leftQueue("c1", now);

    assertEquals(1, written.size());
    CallRecord r = written.get(0);
    assertEquals(Outcome.COMPLETED_BY_CALLER, r.outcome());
    assertEquals("alice", r.agent());
    assertEquals("+15550100", r.caller());
    assertEquals(Duration.ofSeconds(7), r.waited());
    assertEquals(Duration.ofSeconds(3), r.held());
    assertEquals(Duration.ofSeconds(30), r.talked(), "33 s connected minus 3 s on hold");
    assertNull(r.disposition());

    seconds(4);
    keeper.wrappedUp("c1", "alice", "information_only", null, now);
    assertEquals(2, written.size());
    CallRecord last = written.get(1);
    assertEquals("information_only", last.disposition());
    assertEquals(Duration.ofSeconds(4), last.wrapUp());
    assertEquals(
        List.of(
            QueueEvent.Kind.ENTERED,
            QueueEvent.Kind.OFFERED,
            QueueEvent.Kind.ANSWERED,
            QueueEvent.Kind.ENDED),
        events.get(1).stream().map(QueueEvent::kind).toList());
    assertEquals(0, keeper.open());
  }

  @Test
  void abandonReportedAfterTheEndStillMakesAnAbandonedRecord() {
    arrive("c1");
    seconds(9);
    keeper.callEnded("c1", EndReason.REMOTE_HANGUP);
    keeper.abandoned("c1", "support", Duration.ofSeconds(9), now);
    keeper.leftQueue("c1", now);

    CallRecord r = written.get(0);
    assertEquals(Outcome.ABANDONED, r.outcome());
    assertEquals(Duration.ofSeconds(9), r.waited());
    assertEquals(0, keeper.open());
  }

  @Test
  void callerWhoLeavesACallbackRequestIsNotAbandoned() {
    arrive("c1");
    seconds(40);
    keeper.callbackRequested("c1", "support", now);
    keeper.abandoned("c1", "support", Duration.ofSeconds(40), now);
    keeper.leftQueue("c1", now);
    seconds(3);
    keeper.callEnded("c1", EndReason.LOCAL_HANGUP);

    CallRecord r = written.get(0);
    assertEquals(Outcome.CALLBACK_REQUESTED, r.outcome());
    assertEquals(Duration.ofSeconds(40), r.waited());
    assertEquals(
        List.of(QueueEvent.Kind.ENTERED, QueueEvent.Kind.CALLBACK, QueueEvent.Kind.ENDED),
        events.get(0).stream().map(QueueEvent::kind).toList());
  }

  @Test
  void overflowToATargetThatHangsUpIsOverflowed() {
    arrive("c1");
    seconds(60);
    keeper.overflowed("c1", "target:goodbye", now);
    keeper.leftQueue("c1", now);
    seconds(3);
    keeper.callEnded("c1", EndReason.LOCAL_HANGUP);

    CallRecord r = written.get(0);
    assertEquals(Outcome.OVERFLOWED, r.outcome());
    assertEquals(Duration.ofSeconds(60), r.waited());
  }

  @Test
  void agentHangUpAndWrapUpEndedByTheTimer() {
    arrive("c1");
    keeper.answered("c1", "support", "bob", Duration.ZERO, now);
    seconds(30);
    keeper.agentHungUp("c1", now);
    keeper.leftQueue("c1", now);
    keeper.callEnded("c1", EndReason.LOCAL_HANGUP);
    seconds(10);
    keeper.agentState("bob", AgentState.AVAILABLE, "ready", now);

    assertEquals(2, written.size());
    assertEquals(Outcome.COMPLETED_BY_AGENT, written.get(1).outcome());
    assertEquals(Duration.ofSeconds(10), written.get(1).wrapUp());
    assertNull(written.get(1).disposition());
  }

  @Test
  void callOutsideTheQueueIsWrittenWhenItEnds() {
    keeper.callStarted(new Channel("c2"));
    keeper.routeEntered("c2", new Route.Echo("echo"));
    seconds(4);
    keeper.callEnded("c2", EndReason.LOCAL_HANGUP);

    assertEquals(Outcome.COMPLETED_BY_SYSTEM, written.get(0).outcome());
    assertNull(written.get(0).queue());
  }

  @Test
  void failedDialIsWrittenOnceAsOutWithItsCause() {
    keeper.dialStarted(
        "d1",
        "alice",
        "pbx",
        "+15550123",
        Optional.of(DialPurpose.order(Optional.of(7L), "O-000001")),
        now);
    seconds(6);
    keeper.dialFailed("d1", "busy", now);
    keeper.agentState("alice", AgentState.AVAILABLE, "ready", now);

    assertEquals(1, written.size());
    CallRecord r = written.get(0);
    assertEquals(CallRecord.Direction.OUT, r.direction());
    assertEquals("+15550123", r.dialled());
    assertEquals("alice", r.agent());
    assertEquals("O-000001", r.orderId());
    assertEquals(7L, r.customerId());
    assertNull(r.campaignContactId());
    assertEquals(Outcome.REJECTED, r.outcome());
    assertNull(r.answeredAt());
    assertEquals("rejected:busy", events.get(0).get(events.get(0).size() - 1).detail());
    assertEquals(Outcome.TIMED_OUT, CallRecordKeeper.dialOutcome("no_answer"));
    assertEquals(Outcome.ABANDONED, CallRecordKeeper.dialOutcome("cancelled"));
    assertEquals(Outcome.FAILED, CallRecordKeeper.dialOutcome("unreachable"));
  }

  @Test
  void answeredDialKeepsItsRecordThroughTheCallAndWrapUp() {
    keeper.dialStarted("d2", "alice", "pbx", "+15550123", Optional.empty(), now);
    seconds(8);
    keeper.dialAnswered("d2", "alice", now);
    // The answered call's session starts now; the record that began with the dial stays.
    keeper.callStarted(new Channel("d2"));
    keeper.routeEntered("d2", new Route.Queue("dial-out", "support"));
    seconds(30);
    keeper.agentHungUp("d2", now);
    keeper.callEnded("d2", EndReason.LOCAL_HANGUP);
    keeper.leftQueue("d2", now);
    seconds(5);
    keeper.wrappedUp("d2", "alice", "information_only", null, now);

    assertEquals(2, written.size());
    CallRecord r = written.get(1);
    assertEquals(CallRecord.Direction.OUT, r.direction());
    assertEquals(T0, r.arrivedAt());
    assertEquals(T0.plusSeconds(8), r.answeredAt());
    assertEquals(Duration.ofSeconds(30), r.talked());
    assertEquals(Duration.ZERO, r.waited());
    assertEquals(Outcome.COMPLETED_BY_AGENT, r.outcome());
    assertEquals(Duration.ofSeconds(5), r.wrapUp());
    assertNull(r.queue(), "in no queue's figures");
  }

  private record Channel(String callId) implements CallChannel {
    @Override
    public String trunk() {
      return "pbx";
    }

    @Override
    public String dialledNumber() {
      return "800";
    }

    @Override
    public String callerNumber() {
      return "+15550100";
    }

    @Override
    public MediaLeg media() {
      return null;
    }

    @Override
    public void ring() {}

    @Override
    public void answer() {}

    @Override
    public void reject(int code, String reason) {}

    @Override
    public void hangUp(EndReason reason) {}
  }
}
