package org.tawag.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tawag.sip.SipTraffic;

/**
 * Counts SIP requests by direction and method, responses by direction, method and code class, and
 * times trunk OPTIONS probes. Every counter is registered up front (2 directions x 8 methods x 6
 * classes at most), so the hot path is two array lookups and an add.
 */
final class SipMetrics implements SipTraffic {
  /** The {@code method} label values; anything else is {@code other}, the last one. */
  static final List<String> METHODS =
      List.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "INFO", "REGISTER", Labels.OTHER);

  private static final Duration[] RTT_BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(5)
  };

  private static final int IN = 0;
  private static final int OUT = 1;

  private final Counter[][] requests = new Counter[2][METHODS.size()];
  private final Counter[][][] responses = new Counter[2][METHODS.size()][6];
  private final Map<String, Timer> rtt;

  /**
   * Registers the counters on {@code registry}, and a round-trip timer per trunk in {@code trunks}.
   */
  SipMetrics(MeterRegistry registry, Set<String> trunks) {
    for (int dir = IN; dir <= OUT; dir++) {
      String direction = dir == IN ? "in" : "out";
      for (int m = 0; m < METHODS.size(); m++) {
        requests[dir][m] =
            Counter.builder(Meters.SIP_REQUESTS.meterName())
                .description(Meters.SIP_REQUESTS.help())
                .tag("direction", direction)
                .tag("method", METHODS.get(m))
                .register(registry);
        for (int c = 0; c < 6; c++) {
          responses[dir][m][c] =
              Counter.builder(Meters.SIP_RESPONSES.meterName())
                  .description(Meters.SIP_RESPONSES.help())
                  .tag("direction", direction)
                  .tag("method", METHODS.get(m))
                  .tag("code_class", (c + 1) + "xx")
                  .register(registry);
        }
      }
    }
    rtt =
        trunks.stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    Function.identity(),
                    trunk ->
                        Timer.builder(Meters.TRUNK_OPTIONS_RTT.meterName())
                            .description(Meters.TRUNK_OPTIONS_RTT.help())
                            .tag("trunk", trunk)
                            .serviceLevelObjectives(RTT_BUCKETS)
                            .register(registry)));
  }

  @Override
  public void requestIn(String method) {
    requests[IN][methodIndex(method)].increment();
  }

  @Override
  public void responseIn(String method, int code) {
    response(IN, method, code);
  }

  @Override
  public void requestOut(String method) {
    requests[OUT][methodIndex(method)].increment();
  }

  @Override
  public void responseOut(String method, int code) {
    response(OUT, method, code);
  }

  @Override
  public void trunkProbeAnswered(String trunk, Duration roundTrip) {
    Timer timer = rtt.get(trunk);
    if (timer != null) {
      timer.record(roundTrip);
    }
  }

  private void response(int dir, String method, int code) {
    if (code >= 100 && code <= 699) {
      responses[dir][methodIndex(method)][code / 100 - 1].increment();
    }
  }

  /** The index of {@code method} in {@link #METHODS}; unknown methods are {@code other}. */
  static int methodIndex(String method) {
    if (method == null) {
      return METHODS.size() - 1;
    }
    return switch (method) {
      case "INVITE" -> 0;
      case "ACK" -> 1;
      case "BYE" -> 2;
      case "CANCEL" -> 3;
      case "OPTIONS" -> 4;
      case "INFO" -> 5;
      case "REGISTER" -> 6;
      default -> METHODS.size() - 1;
    };
  }
}
