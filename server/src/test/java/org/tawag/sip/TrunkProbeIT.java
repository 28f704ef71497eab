package org.tawag.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.testing.FreePorts;
import org.tawag.testing.Sipp;
import org.tawag.testing.TawagTestServer;

/**
 * OPTIONS probes of trunk peers: a SIPp peer that answers makes its trunk up, with a round trip and
 * the OPTIONS counted in {@code /metrics}; once it has exited, the next probe times out and the
 * trunk goes down. A peer where nothing listens never comes up.
 */
@Timeout(60)
class TrunkProbeIT {
  @TempDir Path configDir;
  @TempDir Path work;

  @Test
  void upWhileThePeerAnswersDownAfterATimeout() throws Exception {
    int peerPort = FreePorts.udpAndTcp();
    int deadPort = FreePorts.udpAndTcp();
    CompletableFuture<Sipp.Result> peer =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Sipp.in(work)
                    .run(
                        "uas-options.xml",
                        null,
                        List.of("-i", "127.0.0.1", "-p", String.valueOf(peerPort), "-m", "1"),
                        30);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    String trunks =
        """
        tawag.trunks.probed { peers = ["127.0.0.1:%d"], allowed-networks = [] }
        tawag.trunks.dead { peers = ["127.0.0.1:%d"], allowed-networks = [] }
        """
            .formatted(peerPort, deadPort);
    try (TawagTestServer tawag = TawagTestServer.start(configDir, Map.of(), trunks)) {
      SipService sip = tawag.server().sip();
      assertFalse(sip.trunkUp("probed"), "down before the first answer");
      assertTrue(
          Double.isNaN(
              value(tawag.server().metrics().scrape(), "tawag_trunk_up{trunk=\"probed\"}")),
          "unknown, not down, while nothing probes");
      sip.probeTrunks(new TrunkProbeSettings(Duration.ofMillis(500), Duration.ofMillis(300)));

      await(() -> sip.trunkUp("probed"), "the answering peer comes up");
      String metrics = tawag.server().metrics().scrape();
      assertEquals(1, value(metrics, "tawag_trunk_up{trunk=\"probed\"}"));
      assertEquals(0, value(metrics, "tawag_trunk_up{trunk=\"dead\"}"));
      assertEquals(1, value(metrics, "tawag_trunk_options_rtt_seconds_count{trunk=\"probed\"}"));
      assertTrue(value(metrics, "tawag_trunk_options_rtt_seconds_sum{trunk=\"probed\"}") < 0.3);
      assertEquals(
          1,
          value(
              metrics,
              "tawag_sip_responses_total{code_class=\"2xx\",direction=\"in\",method=\"OPTIONS\"}"));
      assertTrue(
          value(metrics, "tawag_sip_requests_total{direction=\"out\",method=\"OPTIONS\"}") >= 2,
          "both trunks probed");
      assertEquals(0, peer.get(30, TimeUnit.SECONDS).exitCode());

      await(() -> !sip.trunkUp("probed"), "the peer that stopped answering goes down");
      assertFalse(sip.trunkUp("dead"), "nothing listens there");
      assertEquals(0, value(tawag.server().metrics().scrape(), "tawag_trunk_up{trunk=\"probed\"}"));
    }
  }

  /** The value of the one sample {@code series} (name and labels as exposed) in {@code text}. */
  private static double value(String text, String series) {
    for (String line : text.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    throw new AssertionError(series + " not exported:\n" + text);
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, what);
      LockSupport.parkNanos(20_000_000L);
    }
  }
}
