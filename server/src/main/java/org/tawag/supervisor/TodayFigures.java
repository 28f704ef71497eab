package org.tawag.supervisor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tawag.acd.AgentState;
import org.tawag.queue.QueueObserver;

/**
 * Today's per-queue and per-operator figures for the wallboard, kept from {@link QueueObserver}
 * events with the definitions of docs/kpis.md: service level = answered within T / (answered +
 * abandoned after T); ASA = total wait of answered calls / answered; AHT = (talk + hold + wrap-up)
 * / handled calls, a call being handled when its agent leaves wrap-up (or gets the next state when
 * there is none). Everything starts again at midnight in {@code zone}.
 *
 * <p>Thread-safe: events come from the ACD thread and call loops, snapshots from the wallboard.
 */
public final class TodayFigures implements QueueObserver {
  private final Clock clock;
  private final ZoneId zone;
  private final Map<String, Duration> serviceLevels;
  private final Map<String, QueueCounts> queues = new TreeMap<>();
  private final Map<String, Integer> handledByAgent = new HashMap<>();
  private final Map<String, String> callOfAgent = new HashMap<>();
  private final Map<String, OpenCall> open = new HashMap<>();
  private LocalDate day;

  /** Figures for the queues in {@code serviceLevels} (queue name to its threshold T). */
  public TodayFigures(Clock clock, ZoneId zone, Map<String, Duration> serviceLevels) {
    this.clock = clock;
    this.zone = zone;
    this.serviceLevels = Map.copyOf(serviceLevels);
    this.day = LocalDate.ofInstant(clock.instant(), zone);
    serviceLevels.keySet().forEach(q -> queues.put(q, new QueueCounts()));
  }

  /**
   * A call of today that was over before the server started, as the call log holds it.
   *
   * @param agent who answered it, or null
   * @param answered whether an operator answered it
   * @param abandoned whether the caller hung up waiting
   * @param waited its wait in the queue
   * @param handled talk, hold and wrap-up of an answered call
   */
  public record PastCall(
      String queue,
      String agent,
      boolean answered,
      boolean abandoned,
      Duration waited,
      Duration handled) {}

  /**
   * Counts today's calls the log already holds, so a restart does not zero the wallboard's day.
   * Call once at start-up, before the ACD's first event. Calls of queues no longer configured are
   * left out.
   */
  public synchronized void restore(List<PastCall> calls) {
    for (PastCall c : calls) {
      if (!serviceLevels.containsKey(c.queue())) {
        continue;
      }
      QueueCounts q = counts(c.queue());
      if (c.answered()) {
        q.answered++;
        q.waitNanos += c.waited().toNanos();
        if (c.waited().compareTo(threshold(c.queue())) <= 0) {
          q.withinSl++;
        }
        if (c.agent() != null) {
          q.handled++;
          q.handleNanos += c.handled().toNanos();
          handledByAgent.merge(c.agent(), 1, Integer::sum);
        }
      } else if (c.abandoned()) {
        q.abandoned++;
        if (c.waited().compareTo(threshold(c.queue())) > 0) {
          q.abandonedAfterSl++;
        }
      }
    }
  }

  /** One queue's figures today; ratios are null when their denominator is zero (no data). */
  public record QueueToday(
      String queue,
      long answered,
      long abandoned,
      Double serviceLevel,
      Duration averageSpeedOfAnswer,
      Duration averageHandleTime) {}

  /** One operator today: the call they are on (null when none) and calls handled. */
  public record AgentToday(String agent, String currentCall, int handled) {}

  /** Today's figures of every queue, by name. */
  public synchronized List<QueueToday> queues() {
    rollOver(clock.instant());
    return queues.entrySet().stream().map(e -> e.getValue().today(e.getKey())).toList();
  }

  /** Today's figures of {@code agent}. */
  public synchronized AgentToday agent(String agent) {
    rollOver(clock.instant());
    return new AgentToday(agent, callOfAgent.get(agent), handledByAgent.getOrDefault(agent, 0));
  }

  @Override
  public synchronized void answered(
      String callId, String queue, String agent, Duration waited, Instant at) {
    rollOver(at);
    QueueCounts q = counts(queue);
    q.answered++;
    q.waitNanos += waited.toNanos();
    if (waited.compareTo(threshold(queue)) <= 0) {
      q.withinSl++;
    }
    callOfAgent.put(agent, callId);
    open.put(callId, new OpenCall(queue, agent, at));
  }

  @Override
  public synchronized void abandoned(String callId, String queue, Duration waited, Instant at) {
    rollOver(at);
    QueueCounts q = counts(queue);
    q.abandoned++;
    if (waited.compareTo(threshold(queue)) > 0) {
      q.abandonedAfterSl++;
    }
  }

  @Override
  public synchronized void leftQueue(String callId, Instant at) {
    OpenCall c = open.get(callId);
    if (c != null) {
      c.ended = true;
      callOfAgent.remove(c.agent, callId);
    }
  }

  @Override
  public synchronized void transferred(String callId, String agent, String target, Instant at) {
    OpenCall c = open.get(callId);
    if (c != null) {
      c.ended = true;
      callOfAgent.remove(agent, callId);
    }
  }

  @Override
  public synchronized void wrappedUp(
      String callId, String agent, String disposition, String orderId, Instant at) {
    handled(callId, at);
  }

  @Override
  public synchronized void agentState(String agent, AgentState state, String reason, Instant at) {
    if (state == AgentState.ON_CALL || state == AgentState.WRAP_UP) {
      return;
    }
    // The agent is past the call's wrap-up: whatever they ended is handled now.
    List<String> done =
        open.entrySet().stream()
            .filter(e -> e.getValue().agent.equals(agent) && e.getValue().ended)
            .map(Map.Entry::getKey)
            .toList();
    done.forEach(id -> handled(id, at));
  }

  private void handled(String callId, Instant at) {
    OpenCall c = open.remove(callId);
    if (c == null) {
      return;
    }
    callOfAgent.remove(c.agent, callId);
    if (day.equals(LocalDate.ofInstant(c.answeredAt, zone))) {
      QueueCounts q = counts(c.queue);
      q.handled++;
      q.handleNanos += Duration.between(c.answeredAt, at).toNanos();
      handledByAgent.merge(c.agent, 1, Integer::sum);
    }
  }

  private Duration threshold(String queue) {
    return serviceLevels.getOrDefault(queue, org.tawag.acd.QueueSpec.DEFAULT_SERVICE_LEVEL);
  }

  private QueueCounts counts(String queue) {
    return queues.computeIfAbsent(queue, q -> new QueueCounts());
  }

  private void rollOver(Instant now) {
    LocalDate today = LocalDate.ofInstant(now, zone);
    if (today.isAfter(day)) {
      day = today;
      queues.replaceAll((q, c) -> new QueueCounts());
      handledByAgent.clear();
    }
  }

  private static final class OpenCall {
    final String queue;
    final String agent;
    final Instant answeredAt;
    boolean ended;

    OpenCall(String queue, String agent, Instant answeredAt) {
      this.queue = queue;
      this.agent = agent;
      this.answeredAt = answeredAt;
    }
  }

  private static final class QueueCounts {
    long answered;
    long abandoned;
    long withinSl;
    long abandonedAfterSl;
    long waitNanos;
    long handled;
    long handleNanos;

    QueueToday today(String queue) {
      long slBase = answered + abandonedAfterSl;
      return new QueueToday(
          queue,
          answered,
          abandoned,
          slBase == 0 ? null : (double) withinSl / slBase,
          answered == 0 ? null : Duration.ofNanos(waitNanos / answered),
          handled == 0 ? null : Duration.ofNanos(handleNanos / handled));
    }
  }
}
