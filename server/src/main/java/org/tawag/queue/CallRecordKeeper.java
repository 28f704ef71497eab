package org.tawag.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.acd.AgentState;
import org.tawag.agent.DialPurpose;
import org.tawag.call.CallChannel;
import org.tawag.call.CallEvents;
import org.tawag.call.EndReason;
import org.tawag.calls.CallLog;
import org.tawag.calls.CallRecord;
import org.tawag.calls.CallRecord.Outcome;
import org.tawag.calls.QueueEvent;
import org.tawag.dialplan.Route;

/**
 * Builds each call's record and queue history from what the call and the ACD report, and hands it
 * to the {@link CallLog} (which never blocks).
 *
 * <p>A call's record is written when the call has ended <em>and</em> the ACD is done with it: the
 * call's loop reports the end and the ACD thread reports abandonment afterwards, in either order.
 * An answered call is written again when its agent finishes wrap-up, with the disposition, the
 * order and the wrap-up time; rows are keyed by call id, so the later version replaces the first.
 *
 * <p>Reports come from a call's loop and from the ACD thread; each entry is guarded by its own
 * monitor, held only to update a few fields.
 */
public final class CallRecordKeeper implements CallEvents, QueueObserver {
  private static final Logger log = LoggerFactory.getLogger(CallRecordKeeper.class);

  private final CallLog callLog;
  private final Clock clock;
  private final Map<String, Entry> calls = new ConcurrentHashMap<>();

  /** Agent id -> the call whose wrap-up they are in. */
  private final Map<String, Entry> wrapping = new ConcurrentHashMap<>();

  public CallRecordKeeper(CallLog callLog, Clock clock) {
    this.callLog = callLog;
    this.clock = clock;
  }

  /** Calls whose records are still being built. */
  public int open() {
    return calls.size();
  }

  // ---- from the call's loop ----

  @Override
  public void callStarted(CallChannel channel) {
    if (calls.containsKey(channel.callId())) {
      return; // An operator's call: its record began with dialStarted.
    }
    Entry e =
        new Entry(
            channel.callId(),
            CallRecord.builder(
                    channel.callId(),
                    channel.inbound() ? CallRecord.Direction.IN : CallRecord.Direction.OUT,
                    clock.instant())
                .trunk(clip(channel.trunk()))
                .caller(clip(channel.callerNumber()))
                .dialled(clip(channel.dialledNumber())));
    calls.put(channel.callId(), e);
  }

  @Override
  public void routeEntered(String callId, Route route) {
    Entry e = calls.get(callId);
    if (e != null && route instanceof Route.Queue) {
      synchronized (e) {
        e.inQueue = true;
      }
    }
  }

  @Override
  public void callEnded(String callId, EndReason reason) {
    Entry e = calls.get(callId);
    if (e == null) {
      return;
    }
    synchronized (e) {
      e.endedAt = clock.instant();
      e.reason = reason;
    }
    finishIfDone(e);
  }

  // ---- from the ACD ----

  @Override
  public void entered(String callId, String queue, Instant at) {
    withEntry(
        callId,
        e -> {
          e.inQueue = true;
          e.builder.queue(queue);
          if (e.queuedAt == null) {
            e.queuedAt = at;
            e.builder.queuedAt(at);
          }
          e.event(at, QueueEvent.Kind.ENTERED, null, queue);
        });
  }

  @Override
  public void offered(String callId, String agent, Instant at) {
    withEntry(
        callId,
        e -> {
          if (e.offeredAt == null) {
            e.offeredAt = at;
            e.builder.offeredAt(at);
          }
          e.event(at, QueueEvent.Kind.OFFERED, agent, null);
        });
  }

  @Override
  public void notAnswered(String callId, String agent, Instant at) {
    withEntry(callId, e -> e.event(at, QueueEvent.Kind.NO_ANSWER, agent, null));
  }

  @Override
  public void answered(String callId, String queue, String agent, Duration waited, Instant at) {
    withEntry(
        callId,
        e -> {
          e.agent = agent;
          e.answeredAt = at;
          e.builder.agent(agent).answeredAt(at).waited(waited);
          e.event(at, QueueEvent.Kind.ANSWERED, agent, queue);
        });
  }

  @Override
  public void abandoned(String callId, String queue, Duration waited, Instant at) {
    withEntry(
        callId,
        e -> {
          if (e.callbackRequested) {
            return; // the ACD's way out for a waiting call; the callback request says why
          }
          e.abandoned = true;
          e.builder.waited(waited);
          e.event(at, QueueEvent.Kind.ABANDONED, null, queue);
        });
  }

  @Override
  public void callbackRequested(String callId, String queue, Instant at) {
    withEntry(
        callId,
        e -> {
          e.callbackRequested = true;
          if (e.queuedAt != null) {
            e.builder.waited(Duration.between(e.queuedAt, at));
          }
          e.event(at, QueueEvent.Kind.CALLBACK, null, queue);
        });
  }

  @Override
  public void overflowed(String callId, String target, Instant at) {
    withEntry(
        callId,
        e -> {
          if (!target.startsWith("queue:")) {
            e.overflowed = true;
            if (e.queuedAt != null) {
              e.builder.waited(Duration.between(e.queuedAt, at));
            }
          }
          e.event(at, QueueEvent.Kind.OVERFLOWED, null, target);
        });
  }

  @Override
  public void leftQueue(String callId, Instant at) {
    Entry e = calls.get(callId);
    if (e == null) {
      return;
    }
    synchronized (e) {
      e.inQueue = false;
    }
    finishIfDone(e);
  }

  @Override
  public void transferred(String callId, String agent, String target, Instant at) {
    withEntry(
        callId,
        e -> {
          if (target.equals("number")) {
            e.transferredOut = true;
          }
          e.event(at, QueueEvent.Kind.TRANSFERRED, agent, target);
        });
  }

  @Override
  public void hold(String callId, boolean held, Instant at) {
    withEntry(
        callId,
        e -> {
          if (held && e.holdStart == null) {
            e.holdStart = at;
          } else if (!held && e.holdStart != null) {
            e.held = e.held.plus(Duration.between(e.holdStart, at));
            e.holdStart = null;
          }
        });
  }

  @Override
  public void agentHungUp(String callId, Instant at) {
    withEntry(callId, e -> e.agentHungUp = true);
  }

  @Override
  public void wrappedUp(
      String callId, String agent, String disposition, String orderId, Instant at) {
    Entry e = calls.get(callId);
    if (e == null) {
      log.debug("wrap-up for call {} with no open record", callId);
      return;
    }
    synchronized (e) {
      e.builder.disposition(clip(disposition));
      if (orderId != null) {
        e.builder.orderId(clip(orderId)); // else keep the order a dial was placed for
      }
    }
    finishWrapUp(agent, e, at);
  }

  @Override
  public void dialStarted(
      String callId,
      String agent,
      String trunk,
      String number,
      Optional<DialPurpose> purpose,
      Instant at) {
    CallRecord.Builder b =
        CallRecord.builder(callId, CallRecord.Direction.OUT, at)
            .trunk(clip(trunk))
            .dialled(clip(number))
            .agent(clip(agent))
            .orderId(clip(purpose.flatMap(DialPurpose::orderId).orElse(null)))
            .customerId(purpose.flatMap(DialPurpose::customerId).orElse(null))
            .campaignContactId(purpose.flatMap(DialPurpose::campaignContactId).orElse(null));
    Entry e = new Entry(callId, b);
    e.inQueue = true; // the ACD holds it until it is over
    calls.put(callId, e);
  }

  @Override
  public void dialAnswered(String callId, String agent, Instant at) {
    withEntry(
        callId,
        e -> {
          e.agent = agent;
          e.answeredAt = at;
          e.builder.answeredAt(at);
        });
  }

  @Override
  public void dialFailed(String callId, String cause, Instant at) {
    Entry e = calls.get(callId);
    if (e == null) {
      return;
    }
    synchronized (e) {
      e.endedAt = at;
      e.inQueue = false;
      e.failedDial = cause;
    }
    finishIfDone(e);
  }

  /** The outcome of an operator's call that was not answered, by the dial's failure cause. */
  static Outcome dialOutcome(String cause) {
    return switch (cause) {
      case "busy", "declined", "not_found" -> Outcome.REJECTED;
      case "no_answer" -> Outcome.TIMED_OUT;
      case "cancelled" -> Outcome.ABANDONED;
      default -> Outcome.FAILED;
    };
  }

  @Override
  public void agentState(String agent, AgentState state, String reason, Instant at) {
    if (state == AgentState.WRAP_UP) {
      return;
    }
    Entry e = wrapping.get(agent);
    if (e != null) {
      finishWrapUp(agent, e, at);
    }
  }

  // ---- building ----

  private void finishIfDone(Entry e) {
    CallRecord record;
    List<QueueEvent> events;
    synchronized (e) {
      if (e.endedAt == null || e.inQueue || e.written) {
        return;
      }
      e.written = true;
      Instant end = e.endedAt;
      if (e.holdStart != null) {
        e.held = e.held.plus(Duration.between(e.holdStart, end));
        e.holdStart = null;
      }
      Outcome outcome = outcome(e);
      e.builder.ended(end, outcome).held(e.held);
      if (e.answeredAt != null) {
        Duration talk = Duration.between(e.answeredAt, end).minus(e.held);
        e.builder.talked(talk.isNegative() ? Duration.ZERO : talk);
      }
      String detail = e.failedDial == null ? outcome.code() : outcome.code() + ":" + e.failedDial;
      e.event(end, QueueEvent.Kind.ENDED, e.agent, detail);
      record = e.builder.build();
      events = List.copyOf(e.events);
    }
    if (e.agent != null) {
      // The agent's wrap-up (or their next state) completes the record.
      wrapping.put(e.agent, e);
    } else {
      calls.remove(record.id(), e);
    }
    write(record, events);
  }

  private void finishWrapUp(String agent, Entry e, Instant at) {
    CallRecord record;
    List<QueueEvent> events;
    synchronized (e) {
      if (!e.written || e.wrapped) {
        return;
      }
      e.wrapped = true;
      Duration wrap = Duration.between(e.endedAt, at);
      e.builder.wrapUp(wrap.isNegative() ? Duration.ZERO : wrap);
      record = e.builder.build();
      events = List.copyOf(e.events);
    }
    wrapping.remove(agent, e);
    calls.remove(record.id(), e);
    write(record, events);
  }

  private void write(CallRecord record, List<QueueEvent> events) {
    try {
      callLog.record(record, events);
    } catch (RuntimeException ex) {
      log.error("call {}: record not accepted by the call log", record.id(), ex);
    }
  }

  private static Outcome outcome(Entry e) {
    if (e.failedDial != null) {
      return dialOutcome(e.failedDial);
    }
    if (e.transferredOut) {
      return Outcome.TRANSFERRED;
    }
    if (e.answeredAt != null) {
      if (e.agentHungUp) {
        return Outcome.COMPLETED_BY_AGENT;
      }
      return switch (e.reason) {
        case REMOTE_HANGUP -> Outcome.COMPLETED_BY_CALLER;
        case LOCAL_HANGUP -> Outcome.COMPLETED_BY_AGENT;
        default -> Outcome.FAILED;
      };
    }
    if (e.callbackRequested) {
      return Outcome.CALLBACK_REQUESTED;
    }
    if (e.abandoned) {
      return Outcome.ABANDONED;
    }
    if (e.overflowed) {
      return Outcome.OVERFLOWED;
    }
    return switch (e.reason) {
      case REMOTE_HANGUP -> Outcome.COMPLETED_BY_CALLER;
      case CANCELLED -> Outcome.ABANDONED;
      case LOCAL_HANGUP -> Outcome.COMPLETED_BY_SYSTEM;
      case REJECTED -> Outcome.REJECTED;
      case MEDIA_TIMEOUT, SIGNALLING_FAILURE, SHUTDOWN -> Outcome.FAILED;
    };
  }

  private void withEntry(String callId, java.util.function.Consumer<Entry> update) {
    Entry e = calls.get(callId);
    if (e == null) {
      return;
    }
    synchronized (e) {
      update.accept(e);
    }
  }

  private static String clip(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    return s.length() > CallRecord.MAX_TEXT ? s.substring(0, CallRecord.MAX_TEXT) : s;
  }

  /** One call's record under construction. */
  private static final class Entry {
    final String id;
    final CallRecord.Builder builder;
    final List<QueueEvent> events = new ArrayList<>();
    boolean inQueue;
    Instant queuedAt;
    Instant offeredAt;
    Instant answeredAt;
    Instant endedAt;
    Instant holdStart;
    Duration held = Duration.ZERO;
    EndReason reason;
    String agent;
    boolean abandoned;
    boolean callbackRequested;
    boolean overflowed;
    boolean agentHungUp;
    boolean transferredOut;

    /** Why an operator's call was not answered (a dial failure cause), or null. */
    String failedDial;

    boolean written;
    boolean wrapped;

    Entry(String id, CallRecord.Builder builder) {
      this.id = id;
      this.builder = builder;
    }

    void event(Instant at, QueueEvent.Kind kind, String agent, String detail) {
      events.add(new QueueEvent(id, events.size(), at, kind, agent, detail));
    }
  }
}
