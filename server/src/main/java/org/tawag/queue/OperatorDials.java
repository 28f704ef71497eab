package org.tawag.queue;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.acd.AcdEngine;
import org.tawag.agent.AgentLine;
import org.tawag.agent.DialNumber;
import org.tawag.agent.DialOutcome;
import org.tawag.agent.DialPurpose;
import org.tawag.dialplan.Route;

/**
 * Operators' own calls from the dial request until the far end answers or the attempt fails; the
 * {@link QueueService} then connects an answered one like a queue call.
 *
 * <p>Everything but {@link #dial}, {@link #cancel} and {@link #pending} runs on the ACD thread,
 * which alone touches the engine: the engine holds the operator before the INVITE goes out, so no
 * offer races the dial.
 */
final class OperatorDials {
  private static final Logger log = LoggerFactory.getLogger(OperatorDials.class);

  /** The dial-plan target name an answered dial enters (a queue target that is never queued). */
  static final String TARGET = "dial-out";

  private final AcdEngine engine;
  private final Executor acd;
  private final Function<String, AgentLine> lines;
  private final Function<String, String> homeQueues;
  private final QueueObserver observer;
  private final OutsideDialer dialer;
  private final OperatorDialing dialing;
  private final Clock clock;

  /** Call id -> a dial not answered yet; written on the ACD thread, read on call loops. */
  private final Map<String, PendingDial> pending = new ConcurrentHashMap<>();

  /** Agent id -> the call id of their ringing dial; ACD thread only. */
  private final Map<String, String> dialOf = new HashMap<>();

  /**
   * Dials over {@code dialer} as {@code dialing} says; {@code lines} and {@code homeQueues} look up
   * an agent's device and the queue whose wrap-up follows their calls.
   */
  OperatorDials(
      AcdEngine engine,
      Executor acd,
      Function<String, AgentLine> lines,
      Function<String, String> homeQueues,
      QueueObserver observer,
      OutsideDialer dialer,
      OperatorDialing dialing,
      Clock clock) {
    this.engine = engine;
    this.acd = acd;
    this.lines = lines;
    this.homeQueues = homeQueues;
    this.observer = observer;
    this.dialer = dialer;
    this.dialing = dialing;
    this.clock = clock;
  }

  /** See {@link org.tawag.agent.AgentDesk#dial}. Any thread. */
  CompletableFuture<DialOutcome> dial(
      String agentId, String number, Optional<DialPurpose> purpose) {
    if (!DialNumber.valid(number)) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException(
              "number must be E.164 (+ and 2-15 digits) or 1-32 of 0-9 * #"));
    }
    boolean routed = purpose != null && purpose.flatMap(DialPurpose::route).isPresent();
    if (dialer == null || (dialing.trunk().isEmpty() && !routed)) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("dialling out is not configured (tawag.agents.dial-trunk)"));
    }
    PendingDial d =
        new PendingDial(
            UUID.randomUUID() + "@tawag",
            agentId,
            number,
            purpose == null ? Optional.empty() : purpose);
    acd.execute(() -> start(d));
    return d.outcome;
  }

  /** The agent gives up on their ringing dial. Any thread. */
  void cancel(String agentId) {
    acd.execute(() -> cancelNow(agentId));
  }

  /** {@link #cancel} on the ACD thread (the agent's device went away). */
  void cancelNow(String agentId) {
    String callId = dialOf.get(agentId);
    PendingDial d = callId == null ? null : pending.get(callId);
    if (d != null) {
      d.attempt.cancel();
    }
  }

  /** The dial not answered yet whose call is {@code callId}, or null. Any thread. */
  PendingDial pending(String callId) {
    return pending.get(callId);
  }

  /**
   * The far end of {@code d} answered and its call is in the service: true when its operator takes
   * it (they are ON_CALL now), false when they left meanwhile (the caller hangs it up).
   */
  boolean answered(PendingDial d) {
    pending.remove(d.callId, d);
    dialOf.remove(d.agentId, d.callId);
    if (!engine.dialAnswered(d.callId)) {
      log.info("call {} answered after its agent {} left: hanging up", d.callId, d.agentId);
      d.failed("cancelled");
      return false;
    }
    observer.dialAnswered(d.callId, d.agentId, clock.instant());
    return true;
  }

  private void start(PendingDial d) {
    AgentLine line = lines.apply(d.agentId);
    Optional<DialPurpose.Route> route = d.purpose.flatMap(DialPurpose::route);
    String queue = route.map(DialPurpose.Route::queue).orElseGet(() -> homeQueues.apply(d.agentId));
    if (line == null || queue == null) {
      d.outcome.completeExceptionally(
          new IllegalStateException(
              line == null ? "no device of yours is connected" : "you are in no queue"));
      return;
    }
    if (!engine.dialOut(d.agentId, d.callId, queue)) {
      d.outcome.completeExceptionally(
          new IllegalStateException(
              "you can dial only when ready or paused, not " + engine.agent(d.agentId).state()));
      return;
    }
    pending.put(d.callId, d);
    dialOf.put(d.agentId, d.callId);
    String trunk = route.map(DialPurpose.Route::trunk).orElseGet(() -> dialing.trunk().get());
    Optional<String> callerId = route.isPresent() ? route.get().callerId() : dialing.callerId();
    observer.dialStarted(d.callId, d.agentId, trunk, d.number, d.purpose, clock.instant());
    log.info("agent {} dials call {} through {}", d.agentId, d.callId, trunk);
    line.dialing(d.callId, d.number);
    d.attempt = dialer.place(d.callId, trunk, d.number, callerId, new Route.Queue(TARGET, queue));
    d.attempt
        .result()
        .thenAccept(cause -> cause.ifPresent(c -> acd.execute(() -> notAnswered(d, c))));
  }

  private void notAnswered(PendingDial d, String cause) {
    if (!pending.remove(d.callId, d)) {
      return;
    }
    dialOf.remove(d.agentId, d.callId);
    log.info("agent {}: call {} not answered ({})", d.agentId, d.callId, cause);
    observer.dialFailed(d.callId, cause, clock.instant());
    // The outcome first, so the operator reads why before the state they return to.
    d.failed(cause);
    engine.dialFailed(d.callId);
  }
}
