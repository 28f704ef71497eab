package org.tawag.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.testing.FreePorts;
import org.tawag.testing.Sipp;
import org.tawag.testing.TawagTestServer;

/** A trunk that wants Tawag registered: digest on every REGISTER, refresh before expiry. */
@Timeout(60)
class TrunkRegistrationIT {
  @TempDir Path configDir;
  @TempDir Path work;

  @Test
  void registersWithDigestAndRefreshesAtHalfTheGrantedExpiry() throws Exception {
    int registrarPort = FreePorts.udpAndTcp();
    CompletableFuture<Sipp.Result> registrar =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Sipp.in(work)
                    .run(
                        "uas-register.xml",
                        null,
                        List.of("-i", "127.0.0.1", "-p", String.valueOf(registrarPort)),
                        30);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    String trunk =
        """
        tawag.trunks.registrar {
          peers = ["127.0.0.1:%d"]
          allowed-networks = []
          credentials { username = "%s", password = "%s" }
          register { aor = "sip:tawag@127.0.0.1", expires = 600s }
        }
        """
            .formatted(registrarPort, TawagTestServer.TRUNK_USER, TawagTestServer.TRUNK_PASSWORD);
    try (TawagTestServer tawag = TawagTestServer.start(configDir, Map.of(), trunk)) {
      Sipp.Result r = registrar.get(45, TimeUnit.SECONDS);
      assertEquals(0, r.exitCode(), r.describe());
      // SIPp exits on sending the last 200; Tawag reads it a moment later.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!tawag.server().sip().trunksRegistered() && System.nanoTime() < deadline) {
        java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
      }
      assertTrue(tawag.server().sip().trunksRegistered(), "registered after the refresh");
    }
  }
}
