package org.tawag.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SipMetricsTest {
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final SipMetrics sip = new SipMetrics(registry, Set.of("carrier"));

  @Test
  void countsRequestsByDirectionAndBoundedMethod() {
    sip.requestIn("INVITE");
    sip.requestIn("INVITE");
    sip.requestOut("BYE");
    sip.requestIn("SUBSCRIBE");
    sip.requestIn(null);

    assertEquals(2, requests("in", "INVITE"));
    assertEquals(0, requests("out", "INVITE"));
    assertEquals(1, requests("out", "BYE"));
    assertEquals(2, requests("in", "other"));
  }

  @Test
  void countsResponsesByCodeClassAndIgnoresImpossibleCodes() {
    sip.responseOut("INVITE", 100);
    sip.responseOut("INVITE", 180);
    sip.responseOut("INVITE", 200);
    sip.responseIn("OPTIONS", 503);
    sip.responseIn("REGISTER", 699);
    sip.responseIn("REGISTER", 700);
    sip.responseIn("REGISTER", 99);

    assertEquals(2, responses("out", "INVITE", "1xx"));
    assertEquals(1, responses("out", "INVITE", "2xx"));
    assertEquals(1, responses("in", "OPTIONS", "5xx"));
    assertEquals(1, responses("in", "REGISTER", "6xx"));
    assertEquals(0, responses("out", "OPTIONS", "5xx"));
  }

  @Test
  void everySeriesExistsFromTheStartAtZero() {
    assertEquals(2 * 8, registry.find(Meters.SIP_REQUESTS.meterName()).counters().size());
    assertEquals(2 * 8 * 6, registry.find(Meters.SIP_RESPONSES.meterName()).counters().size());
  }

  @Test
  void timesProbesOfConfiguredTrunksOnly() {
    sip.trunkProbeAnswered("carrier", Duration.ofMillis(40));
    sip.trunkProbeAnswered("not-configured", Duration.ofMillis(40));

    var timer = registry.get(Meters.TRUNK_OPTIONS_RTT.meterName()).tag("trunk", "carrier").timer();
    assertEquals(1, timer.count());
    assertEquals(0.04, timer.totalTime(java.util.concurrent.TimeUnit.SECONDS), 1e-9);
    assertEquals(1, registry.find(Meters.TRUNK_OPTIONS_RTT.meterName()).timers().size());
  }

  private double requests(String direction, String method) {
    return registry
        .get(Meters.SIP_REQUESTS.meterName())
        .tags("direction", direction, "method", method)
        .counter()
        .count();
  }

  private double responses(String direction, String method, String codeClass) {
    return registry
        .get(Meters.SIP_RESPONSES.meterName())
        .tags("direction", direction, "method", method, "code_class", codeClass)
        .counter()
        .count();
  }
}
