package org.tawag.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.tawag.acd.AcdConfig;
import org.tawag.agent.AgentSocketStats;
import org.tawag.call.CallEvents;
import org.tawag.calls.CallLogWriter;
import org.tawag.calls.WriteTimings;
import org.tawag.config.TawagConfig;
import org.tawag.config.TrunkConfig;
import org.tawag.media.MediaCounters;
import org.tawag.media.MediaEngine;
import org.tawag.queue.AgentStateLog;
import org.tawag.queue.QueueObserver;
import org.tawag.sip.SipService;

/**
 * The server's Prometheus registry with every Tawag meter and the JVM and process binders. The
 * composition root adds {@link #queues()} to the ACD's observers and {@link #calls()} to the call
 * events, binds the components whose counters are read at scrape time, and mounts a {@link
 * MetricsEndpoint}.
 */
public final class TawagMetrics implements AutoCloseable {
  /** Jitter buckets: 5 ms is a clean LAN, 30 ms and up is what listeners start to hear. */
  private static final double[] JITTER_BUCKETS_SECONDS = {
    0.001, 0.005, 0.010, 0.020, 0.030, 0.050, 0.100, 0.200
  };

  private final PrometheusMeterRegistry registry;
  private final MetricsSettings settings;
  private final QueueMetrics queues;
  private final CallMetrics calls;
  private final SipMetrics sip;
  private final Set<String> trunks;
  private final JvmGcMetrics gc;

  private TawagMetrics(
      PrometheusMeterRegistry registry,
      MetricsSettings settings,
      QueueMetrics queues,
      CallMetrics calls,
      Set<String> trunks,
      JvmGcMetrics gc) {
    this.registry = registry;
    this.settings = settings;
    this.queues = queues;
    this.calls = calls;
    this.trunks = Set.copyOf(trunks);
    this.sip = new SipMetrics(registry, this.trunks);
    this.gc = gc;
  }

  /** Metrics for the queues and trunks of {@code config}. */
  public static TawagMetrics create(TawagConfig config, MetricsSettings settings, Clock clock) {
    return create(
        config.acd(),
        config.trunks().stream().map(TrunkConfig::name).collect(Collectors.toSet()),
        settings,
        clock);
  }

  /** Metrics for {@code acd}'s queues and the trunks named {@code trunks}. */
  public static TawagMetrics create(
      AcdConfig acd, Set<String> trunks, MetricsSettings settings, Clock clock) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    return new TawagMetrics(
        registry,
        settings,
        new QueueMetrics(registry, acd, settings, clock),
        new CallMetrics(registry, trunks),
        trunks,
        gc);
  }

  /** The observer to add to the ACD's. */
  public QueueObserver queues() {
    return queues;
  }

  /** The call events to add to the call chain. */
  public CallEvents calls() {
    return calls;
  }

  /** The settings (scrape networks for the endpoint). */
  public MetricsSettings settings() {
    return settings;
  }

  /** The registry, for tests and extra binders. */
  public MeterRegistry registry() {
    return registry;
  }

  /**
   * Exports the SIP side's gauges, counts its requests and responses from now on, and exports each
   * trunk's probe state (NaN until {@link SipService#probeTrunks} runs) and round trip and, for
   * trunks that register, its registration.
   */
  public void bindSip(SipService sip) {
    gauge(Meters.SIP_ACTIVE_CALLS, sip::activeCalls);
    gauge(Meters.SIP_DIALOGS, sip::stackDialogs);
    gauge(Meters.SIP_TRUNKS_REGISTERED, () -> sip.trunksRegistered() ? 1 : 0);
    sip.observe(this.sip);
    for (String trunk : trunks) {
      // NaN, not 0, while nothing probes: unknown must not look like down to the alert.
      trunkGauge(
          Meters.TRUNK_UP,
          trunk,
          () -> !sip.probingTrunks() ? Double.NaN : sip.trunkUp(trunk) ? 1 : 0);
    }
    for (String trunk : sip.registeringTrunks()) {
      trunkGauge(Meters.TRUNK_REGISTERED, trunk, () -> sip.trunkRegistered(trunk) ? 1 : 0);
    }
  }

  /** Exports the open RTP legs and the engine's RTP totals, and samples each leg's jitter. */
  public void bindMedia(MediaEngine media) {
    gauge(Meters.MEDIA_RTP_LEGS, media::openLegs);
    MediaCounters totals = media.counters();
    counter(Meters.MEDIA_RTP_PACKETS_RECEIVED, totals, MediaCounters::packetsIn);
    counter(Meters.MEDIA_RTP_PACKETS_SENT, totals, MediaCounters::packetsOut);
    counter(Meters.MEDIA_RTP_PACKETS_LOST, totals, MediaCounters::packetsLost);
    counter(Meters.MEDIA_JITTER_BUFFER_LATE, totals, MediaCounters::framesLate);
    counter(Meters.MEDIA_JITTER_BUFFER_OVERFLOWS, totals, MediaCounters::framesDropped);
    DistributionSummary jitter =
        DistributionSummary.builder(Meters.MEDIA_RTP_JITTER.meterName())
            .description(Meters.MEDIA_RTP_JITTER.help())
            .baseUnit(Meters.MEDIA_RTP_JITTER.unit())
            .serviceLevelObjectives(JITTER_BUCKETS_SECONDS)
            .register(registry);
    totals.onLegJitter(ms -> jitter.record(ms / 1000.0));
  }

  /** Exports the operator sockets' audio counters. */
  public void bindAgentSockets(AgentSocketStats stats) {
    gauge(Meters.AGENT_SOCKETS, stats::open);
    counter(Meters.AGENT_AUDIO_FRAMES_SENT, stats, AgentSocketStats::framesOut);
    counter(Meters.AGENT_AUDIO_FRAMES_RECEIVED, stats, AgentSocketStats::framesIn);
    counter(Meters.AGENT_AUDIO_FRAMES_DROPPED, stats, AgentSocketStats::framesDropped);
  }

  /** Exports the store writers' queues, spool and losses. */
  public void bindStore(CallLogWriter callLog, AgentStateLog agentStates) {
    gauge(Meters.STORE_CALL_LOG_QUEUED, callLog::queued);
    counter(Meters.STORE_CALL_LOG_DROPPED, callLog, CallLogWriter::dropped);
    Path spool = callLog.spoolFile();
    gauge(Meters.STORE_SPOOL_SIZE, () -> size(spool));
    gauge(Meters.STORE_AGENT_STATES_PENDING, agentStates::pending);
    Timer writes =
        Timer.builder(Meters.STORE_WRITE.meterName())
            .description(Meters.STORE_WRITE.help())
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(registry);
    Counter failures =
        Counter.builder(Meters.STORE_WRITE_FAILURES.meterName())
            .description(Meters.STORE_WRITE_FAILURES.help())
            .register(registry);
    callLog.observeWrites(
        new WriteTimings() {
          @Override
          public void written(int records, long nanos) {
            writes.record(nanos, TimeUnit.NANOSECONDS);
          }

          @Override
          public void failed() {
            failures.increment();
          }
        });
    counter(Meters.STORE_AGENT_STATES_DROPPED, agentStates, AgentStateLog::dropped);
  }

  /**
   * The text exposition (Prometheus 0.0.4). Reads every gauge, including a file size: call it off
   * event loops.
   */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }

  private void gauge(Meters meter, Supplier<Number> value) {
    Gauge.builder(meter.meterName(), value)
        .description(meter.help())
        .baseUnit(meter.unit())
        .register(registry);
  }

  private void trunkGauge(Meters meter, String trunk, Supplier<Number> value) {
    Gauge.builder(meter.meterName(), value)
        .description(meter.help())
        .tag("trunk", trunk)
        .register(registry);
  }

  private <T> void counter(Meters meter, T source, ToDoubleFunction<T> value) {
    FunctionCounter.builder(meter.meterName(), source, value)
        .description(meter.help())
        .baseUnit(meter.unit())
        .register(registry);
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
