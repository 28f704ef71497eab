package org.tawag.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tawag.call.CallChannel;
import org.tawag.call.EndReason;
import org.tawag.media.MediaLeg;

/** Call starts and ends by bounded trunk label and end reason. */
class CallMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final CallMetrics calls = new CallMetrics(registry, Set.of("pbx"));

  @Test
  void callsAreCountedByConfiguredTrunkPhoneOrOther() {
    calls.callStarted(channel("a", "pbx", true));
    calls.callStarted(channel("b", "phone:alice", false));
    calls.callStarted(channel("c", "sip:+15550100@evil", true));
    calls.callEnded("a", EndReason.REMOTE_HANGUP);
    calls.callEnded("b", EndReason.CANCELLED);
    calls.callEnded("c", EndReason.REJECTED);

    assertEquals(1, started("pbx", "in"));
    assertEquals(1, started("phone", "out"));
    assertEquals(1, started("other", "in"));
    assertEquals(1, ended("pbx", "remote_hangup"));
    assertEquals(1, ended("phone", "cancelled"));
    assertEquals(1, ended("other", "rejected"));
  }

  private double started(String trunk, String direction) {
    return registry
        .get("tawag.calls.started")
        .tags("trunk", trunk, "direction", direction)
        .counter()
        .count();
  }

  private double ended(String trunk, String reason) {
    return registry
        .get("tawag.calls.ended")
        .tags("trunk", trunk, "reason", reason)
        .counter()
        .count();
  }

  private static CallChannel channel(String id, String trunk, boolean inbound) {
    return new CallChannel() {
      @Override
      public String callId() {
        return id;
      }

      @Override
      public String trunk() {
        return trunk;
      }

      @Override
      public String dialledNumber() {
        return "800";
      }

      @Override
      public boolean inbound() {
        return inbound;
      }

      @Override
      public MediaLeg media() {
        throw new UnsupportedOperationException();
      }

      @Override
      public void ring() {}

      @Override
      public void answer() {}

      @Override
      public void reject(int code, String reason) {}

      @Override
      public void hangUp(EndReason reason) {}
    };
  }
}
