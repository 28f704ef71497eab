package org.tawag.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tawag.call.CallChannel;
import org.tawag.call.CallEvents;
import org.tawag.call.EndReason;

/**
 * Counts calls by trunk and direction when they start, and by trunk and {@link EndReason} when they
 * end: the outcome of each INVITE as the call logic saw it. Requests and responses by SIP method
 * and code class are {@link SipMetrics}' job.
 */
public final class CallMetrics implements CallEvents {
  private final MeterRegistry registry;
  private final Set<String> trunks;
  private final Map<String, String> trunkOfCall = new ConcurrentHashMap<>();

  /** Counts on {@code registry}; {@code trunks} are the configured trunk names. */
  public CallMetrics(MeterRegistry registry, Set<String> trunks) {
    this.registry = registry;
    this.trunks = Set.copyOf(trunks);
  }

  @Override
  public void callStarted(CallChannel channel) {
    String trunk = Labels.trunk(channel.trunk(), trunks);
    trunkOfCall.put(channel.callId(), trunk);
    Counter.builder(Meters.CALLS_STARTED.meterName())
        .description(Meters.CALLS_STARTED.help())
        .tag("trunk", trunk)
        .tag("direction", channel.inbound() ? "in" : "out")
        .register(registry)
        .increment();
  }

  @Override
  public void callEnded(String callId, EndReason reason) {
    String trunk = trunkOfCall.remove(callId);
    Counter.builder(Meters.CALLS_ENDED.meterName())
        .description(Meters.CALLS_ENDED.help())
        .tag("trunk", trunk == null ? Labels.OTHER : trunk)
        .tag("reason", reason.name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }
}
