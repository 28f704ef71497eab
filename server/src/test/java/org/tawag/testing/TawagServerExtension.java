package org.tawag.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one {@link TawagTestServer} for a test class and stops it after, with its config in a temp
 * directory of its own: {@code @RegisterExtension static final TawagServerExtension tawag = new
 * TawagServerExtension();}.
 */
public final class TawagServerExtension implements BeforeAllCallback, AfterAllCallback {
  private final String extraConf;
  private final java.time.Clock clock;
  private Path dir;
  private TawagTestServer server;

  /** The demo config with test trunks. */
  public TawagServerExtension() {
    this("");
  }

  /** The demo config with {@code extraConf} (HOCON) appended to tawag.conf. */
  public TawagServerExtension(String extraConf) {
    this(extraConf, java.time.Clock.systemUTC());
  }

  /** The demo config with {@code extraConf}, its business time from {@code clock}. */
  public TawagServerExtension(String extraConf, java.time.Clock clock) {
    this.extraConf = extraConf;
    this.clock = clock;
  }

  /** The running server. */
  public TawagTestServer get() {
    if (server == null) {
      throw new IllegalStateException("the server starts before the class's tests run");
    }
    return server;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("tawag-it-");
    server = TawagTestServer.start(dir, Map.of(), extraConf, clock);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
