package org.tawag.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.testing.FreePorts;
import org.tawag.testing.Sipp;
import org.tawag.testing.TawagServerExtension;

/** A trunk that stops sending RTP: Tawag ends the call with BYE after the media timeout. */
@Timeout(60)
class MediaTimeoutIT {
  @RegisterExtension
  static final TawagServerExtension server =
      new TawagServerExtension("tawag.rtp.media-timeout = 1s");

  @TempDir Path work;

  @Test
  void silentCallerIsHungUpWithByeAfterTheMediaTimeout() throws Exception {
    // The echo number never hangs up by itself, and this SIPp caller sends no RTP at all.
    Sipp.Result r =
        Sipp.in(work)
            .run(
                "uac-server-hangs-up.xml",
                "127.0.0.1:" + server.get().sipPort(),
                List.of(
                    "-s",
                    "600",
                    "-i",
                    "127.0.0.1",
                    "-p",
                    String.valueOf(FreePorts.udpAndTcp()),
                    "-mp",
                    String.valueOf(server.get().sippMediaPort())),
                30);
    assertEquals(0, r.exitCode(), "Tawag sent BYE\n" + r.describe());
    assertTrue(server.get().events().await("ended", 1, Duration.ofSeconds(5)), "the call ended");
    assertEquals(List.of("MEDIA_TIMEOUT"), server.get().events().values("ended"));
  }
}
