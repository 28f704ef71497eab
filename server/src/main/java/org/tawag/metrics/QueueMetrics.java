package org.tawag.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.tawag.acd.AcdConfig;
import org.tawag.acd.AgentState;
import org.tawag.acd.Member;
import org.tawag.acd.QueueSpec;
import org.tawag.queue.QueueObserver;

/**
 * Queue and agent meters fed by the ACD's {@link QueueObserver} events. It keeps its own small
 * picture (calls waiting per queue, each agent's state) so gauges need no round trip to the ACD
 * thread. Every hook is a few map operations and meter increments: it never blocks or throws
 * towards the ACD.
 */
public final class QueueMetrics implements QueueObserver {
  /** How close to the max wait an overflow must come to count as a time-out (timer jitter). */
  private static final Duration TIMEOUT_SLACK = Duration.ofMillis(250);

  /** One call while the ACD has it. */
  private static final class Track {
    final Instant arrived;
    String queue;
    Instant enteredQueue;
    boolean waiting;
    Instant answeredAt;
    Instant holdStart;
    Duration held = Duration.ZERO;

    Track(Instant arrived) {
      this.arrived = arrived;
    }
  }

  private final MeterRegistry registry;
  private final Clock clock;
  private final MetricsSettings settings;
  private final Map<String, QueueSpec> queues = new HashMap<>();
  private final Map<String, List<String>> members = new HashMap<>();
  private final Map<String, QueueMeters> meters = new HashMap<>();
  private final AgentLabels agentLabels;
  private final AgentClock agentClock;
  private final Set<String> agentLabelsRegistered = ConcurrentHashMap.newKeySet();

  private final Map<String, Track> calls = new ConcurrentHashMap<>();
  private final Map<String, AgentState> agentStates = new ConcurrentHashMap<>();
  private final Map<String, String> agentReasons = new ConcurrentHashMap<>();
  private final Map<String, String> agentQueue = new ConcurrentHashMap<>();
  private final Map<String, Instant> wrapStarted = new ConcurrentHashMap<>();

  /** Registers the meters of every queue in {@code acd} on {@code registry}. */
  public QueueMetrics(
      MeterRegistry registry, AcdConfig acd, MetricsSettings settings, Clock clock) {
    this.registry = registry;
    this.clock = clock;
    this.settings = settings;
    for (QueueSpec q : acd.queues()) {
      queues.put(q.name(), q);
      members.put(
          q.name(),
          acd.members().stream()
              .filter(m -> m.queue().equals(q.name()))
              .map(Member::agentId)
              .toList());
    }
    this.agentLabels =
        new AgentLabels(
            settings.agentSeriesCap(), acd.members().stream().map(Member::agentId).toList());
    this.agentClock = new AgentClock(clock);
    Duration[] buckets = buckets(acd, settings);
    for (QueueSpec q : acd.queues()) {
      meters.put(q.name(), new QueueMeters(q, buckets));
    }
    TreeSet<String> reasons = new TreeSet<>();
    settings.pauseReasons().forEach(r -> reasons.add(Labels.reason(r, settings.pauseReasons())));
    reasons.add(Labels.OTHER);
    for (String reason : reasons) {
      Gauge.builder(Meters.AGENTS_NOT_READY.meterName(), () -> notReady(reason))
          .description(Meters.AGENTS_NOT_READY.help())
          .tag("reason", reason)
          .register(registry);
    }
  }

  // ---- calls ----

  @Override
  public void entered(String callId, String queue, Instant at) {
    QueueMeters m = meters.get(queue);
    if (m == null) {
      return;
    }
    Track t = calls.computeIfAbsent(callId, id -> new Track(at));
    synchronized (t) {
      t.queue = queue;
      t.enteredQueue = at;
      t.waiting = true;
    }
    m.entered.increment();
  }

  @Override
  public void notAnswered(String callId, String agent, Instant at) {
    agentCounter(Meters.AGENT_OFFERS_UNANSWERED, agentLabel(agent)).increment();
  }

  @Override
  public void answered(String callId, String queue, String agent, Duration waited, Instant at) {
    QueueMeters m = meters.get(queue);
    Track t = calls.get(callId);
    if (t != null) {
      synchronized (t) {
        t.waiting = false;
        t.answeredAt = at;
      }
    }
    if (m == null) {
      return;
    }
    agentQueue.put(agent, queue);
    m.answered.increment();
    m.wait.record(waited);
    if (waited.compareTo(m.spec.serviceLevel()) <= 0) {
      m.answeredInSl.increment();
    }
    agentCounter(Meters.AGENT_CALLS_HANDLED, agentLabel(agent)).increment();
  }

  @Override
  public void abandoned(String callId, String queue, Duration waited, Instant at) {
    stopWaiting(callId);
    QueueMeters m = meters.get(queue);
    if (m == null) {
      return;
    }
    m.abandoned.increment();
    m.abandonWait.record(waited);
    if (waited.compareTo(m.spec.serviceLevel()) > 0) {
      m.abandonedAfterSl.increment();
    }
  }

  @Override
  public void overflowed(String callId, String target, Instant at) {
    Track t = calls.get(callId);
    if (t == null) {
      return;
    }
    String queue;
    Instant entered;
    synchronized (t) {
      queue = t.queue;
      entered = t.enteredQueue;
      t.waiting = false;
    }
    QueueMeters m = meters.get(queue);
    if (m == null) {
      return;
    }
    if (target.equals("full")) {
      m.rejected.increment();
      return;
    }
    String kind =
        target.startsWith("queue:")
            ? "queue"
            : target.startsWith("target:") ? "dialplan" : "hangup";
    m.overflowed(kind).increment();
    Duration maxWait = m.spec.maxWait();
    if (!maxWait.isZero()
        && entered != null
        && Duration.between(entered, at).compareTo(maxWait.minus(TIMEOUT_SLACK)) >= 0) {
      m.timedOut.increment();
    }
  }

  @Override
  public void leftQueue(String callId, Instant at) {
    Track t = calls.remove(callId);
    if (t == null) {
      return;
    }
    synchronized (t) {
      t.waiting = false;
      QueueMeters m = meters.get(t.queue);
      if (m == null || t.answeredAt == null) {
        return;
      }
      if (t.holdStart != null) {
        t.held = t.held.plus(Duration.between(t.holdStart, at));
      }
      Duration talk = Duration.between(t.answeredAt, at).minus(t.held);
      m.talk.record(talk.isNegative() ? Duration.ZERO : talk);
      m.hold.record(t.held);
    }
  }

  @Override
  public void hold(String callId, boolean held, Instant at) {
    Track t = calls.get(callId);
    if (t == null) {
      return;
    }
    synchronized (t) {
      if (held && t.holdStart == null) {
        t.holdStart = at;
      } else if (!held && t.holdStart != null) {
        t.held = t.held.plus(Duration.between(t.holdStart, at));
        t.holdStart = null;
      }
    }
  }

  @Override
  public void wrappedUp(
      String callId, String agent, String disposition, String orderId, Instant at) {
    QueueMeters m = meters.get(agentQueue.getOrDefault(agent, ""));
    if (m != null) {
      m.disposition(Labels.dispositionKind(disposition)).increment();
    }
  }

  // ---- agents ----

  @Override
  public void agentState(String agent, AgentState state, String reason, Instant at) {
    String label = agentLabel(agent);
    AgentState was = agentStates.put(agent, state);
    if (state == AgentState.NOT_READY) {
      agentReasons.put(agent, Labels.reason(reason, settings.pauseReasons()));
    } else {
      agentReasons.remove(agent);
    }
    agentClock.changed(agent, label, state, at);
    if (state == AgentState.WRAP_UP && was != AgentState.WRAP_UP) {
      wrapStarted.put(agent, at);
    } else if (state != AgentState.WRAP_UP) {
      Instant started = wrapStarted.remove(agent);
      QueueMeters m = meters.get(agentQueue.getOrDefault(agent, ""));
      if (started != null && m != null) {
        m.wrapUp.record(Duration.between(started, at));
      }
    }
  }

  private String agentLabel(String agent) {
    String label = agentLabels.of(agent);
    if (agentLabelsRegistered.add(label)) {
      // Every series of a new label starts at zero, so rate() sees its first increment.
      agentCounter(Meters.AGENT_CALLS_HANDLED, label);
      agentCounter(Meters.AGENT_OFFERS_UNANSWERED, label);
      for (AgentState s : AgentState.values()) {
        if (s != AgentState.OFFLINE) {
          FunctionCounter.builder(
                  Meters.AGENT_STATE_TIME.meterName(), agentClock, c -> c.seconds(label, s))
              .description(Meters.AGENT_STATE_TIME.help())
              .baseUnit(Meters.AGENT_STATE_TIME.unit())
              .tag("agent", label)
              .tag("state", stateLabel(s))
              .register(registry);
        }
      }
    }
    return label;
  }

  private Counter agentCounter(Meters meter, String label) {
    return Counter.builder(meter.meterName())
        .description(meter.help())
        .tag("agent", label)
        .register(registry);
  }

  private void stopWaiting(String callId) {
    Track t = calls.get(callId);
    if (t != null) {
      synchronized (t) {
        t.waiting = false;
      }
    }
  }

  // ---- gauges (scrape time) ----

  private double waiting(String queue) {
    return calls.values().stream().filter(t -> isWaitingIn(t, queue)).count();
  }

  private double oldestWait(String queue) {
    Instant now = clock.instant();
    return calls.values().stream()
        .filter(t -> isWaitingIn(t, queue))
        .mapToDouble(t -> Math.max(0, Duration.between(t.arrived, now).toNanos() / 1e9))
        .max()
        .orElse(0);
  }

  private static boolean isWaitingIn(Track t, String queue) {
    synchronized (t) {
      return t.waiting && queue.equals(t.queue);
    }
  }

  private double agentsIn(String queue, AgentState state) {
    return members.getOrDefault(queue, List.of()).stream()
        .filter(a -> agentStates.getOrDefault(a, AgentState.OFFLINE) == state)
        .count();
  }

  private double notReady(String reason) {
    return agentStates.entrySet().stream()
        .filter(e -> e.getValue() == AgentState.NOT_READY)
        .filter(e -> reason.equals(agentReasons.get(e.getKey())))
        .count();
  }

  static String stateLabel(AgentState s) {
    return s.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static Duration[] buckets(AcdConfig acd, MetricsSettings settings) {
    TreeSet<Duration> all = new TreeSet<>(settings.waitBuckets());
    acd.queues().forEach(q -> all.add(q.serviceLevel()));
    return all.toArray(Duration[]::new);
  }

  /** One queue's meters. */
  private final class QueueMeters {
    final QueueSpec spec;
    final Counter entered;
    final Counter answered;
    final Counter answeredInSl;
    final Counter abandoned;
    final Counter abandonedAfterSl;
    final Counter timedOut;
    final Counter rejected;
    final Timer wait;
    final Timer abandonWait;
    final Timer talk;
    final Timer hold;
    final Timer wrapUp;

    QueueMeters(QueueSpec spec, Duration[] buckets) {
      this.spec = spec;
      String q = spec.name();
      entered = counter(Meters.QUEUE_ENTERED);
      answered = counter(Meters.QUEUE_ANSWERED);
      answeredInSl = counter(Meters.QUEUE_ANSWERED_IN_SL);
      abandoned = counter(Meters.QUEUE_ABANDONED);
      abandonedAfterSl = counter(Meters.QUEUE_ABANDONED_AFTER_SL);
      timedOut = counter(Meters.QUEUE_TIMED_OUT);
      rejected = counter(Meters.QUEUE_REJECTED);
      for (String kind : List.of("queue", "dialplan", "hangup")) {
        overflowed(kind);
      }
      wait = timer(Meters.QUEUE_WAIT, buckets);
      abandonWait = timer(Meters.QUEUE_ABANDON_WAIT, buckets);
      talk = timer(Meters.QUEUE_TALK, durationBuckets());
      hold = timer(Meters.QUEUE_HOLD, durationBuckets());
      wrapUp = timer(Meters.QUEUE_WRAP_UP, durationBuckets());
      Gauge.builder(Meters.QUEUE_WAITING.meterName(), () -> waiting(q))
          .description(Meters.QUEUE_WAITING.help())
          .tag("queue", q)
          .register(registry);
      Gauge.builder(Meters.QUEUE_OLDEST_WAIT.meterName(), () -> oldestWait(q))
          .description(Meters.QUEUE_OLDEST_WAIT.help())
          .baseUnit(Meters.QUEUE_OLDEST_WAIT.unit())
          .tag("queue", q)
          .register(registry);
      Gauge.builder(
              Meters.QUEUE_SERVICE_LEVEL_THRESHOLD.meterName(),
              () -> spec.serviceLevel().toMillis() / 1000.0)
          .description(Meters.QUEUE_SERVICE_LEVEL_THRESHOLD.help())
          .baseUnit(Meters.QUEUE_SERVICE_LEVEL_THRESHOLD.unit())
          .tag("queue", q)
          .register(registry);
      for (AgentState s : AgentState.values()) {
        Gauge.builder(Meters.QUEUE_AGENTS.meterName(), () -> agentsIn(q, s))
            .description(Meters.QUEUE_AGENTS.help())
            .tag("queue", q)
            .tag("state", stateLabel(s))
            .register(registry);
      }
    }

    Counter overflowed(String kind) {
      return Counter.builder(Meters.QUEUE_OVERFLOWED.meterName())
          .description(Meters.QUEUE_OVERFLOWED.help())
          .tag("queue", spec.name())
          .tag("target", kind)
          .register(registry);
    }

    Counter disposition(String kind) {
      return Counter.builder(Meters.QUEUE_DISPOSITIONS.meterName())
          .description(Meters.QUEUE_DISPOSITIONS.help())
          .tag("queue", spec.name())
          .tag("disposition", kind)
          .register(registry);
    }

    private Counter counter(Meters meter) {
      return Counter.builder(meter.meterName())
          .description(meter.help())
          .tag("queue", spec.name())
          .register(registry);
    }

    private Timer timer(Meters meter, Duration[] buckets) {
      return Timer.builder(meter.meterName())
          .description(meter.help())
          .tag("queue", spec.name())
          .serviceLevelObjectives(buckets)
          .register(registry);
    }
  }

  private static Duration[] durationBuckets() {
    return List.of(10, 30, 60, 120, 180, 300, 600, 900, 1800, 3600).stream()
        .map(Duration::ofSeconds)
        .toArray(Duration[]::new);
  }
}
