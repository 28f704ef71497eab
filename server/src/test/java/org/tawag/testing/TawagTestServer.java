package org.tawag.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tawag.TawagServer;
import org.tawag.config.ConfigLoader;
import org.tawag.config.TawagConfig;

/**
 * A real Tawag server for integration tests: the repository's own {@code sip-config/} (demo dial
 * plan, sounds) copied into a temp directory, with free loopback ports and test trunks.
 */
public final class TawagTestServer implements AutoCloseable {
  /** The user and password the test trunk {@code sipp-uas} answers challenges with. */
  public static final String TRUNK_USER = "tawag-out";

  public static final String TRUNK_PASSWORD = "s3cret-trunk";

  /** The first admin's password (TAWAG_ADMIN_PASSWORD) on every test server. */
  public static final String ADMIN_PASSWORD = "admin-test-pass";

  private final TawagServer server;
  private final RecordingCallEvents events;
  private final int sipPort;
  private final int uasPort;
  private final int sippMediaPort;

  private TawagTestServer(
      TawagServer server, RecordingCallEvents events, int sipPort, int uasPort, int sippMediaPort) {
    this.server = server;
    this.events = events;
    this.sipPort = sipPort;
    this.uasPort = uasPort;
    this.sippMediaPort = sippMediaPort;
  }

  /** Starts a server with the demo config and default limits. */
  public static TawagTestServer start(Path dir) throws IOException {
    return start(dir, Map.of());
  }

  /** Starts a server; {@code env} adds or overrides TAWAG_* environment settings. */
  public static TawagTestServer start(Path dir, Map<String, String> env) throws IOException {
    return start(dir, env, "");
  }

  /** Starts a server with {@code extraConf} (HOCON) appended to the copied tawag.conf. */
  public static TawagTestServer start(Path dir, Map<String, String> env, String extraConf)
      throws IOException {
    return start(dir, env, extraConf, java.time.Clock.systemUTC());
  }

  /** Starts a server with {@code extraConf} whose business time comes from {@code clock}. */
  public static TawagTestServer start(
      Path dir, Map<String, String> env, String extraConf, java.time.Clock clock)
      throws IOException {
    copySipConfig(dir);
    Files.writeString(
        dir.resolve("tawag.conf"),
        "\n" + extraConf + "\n",
        java.nio.file.StandardOpenOption.APPEND);
    int uasPort = FreePorts.udpAndTcp();
    Files.writeString(dir.resolve("trunks.conf"), trunks(uasPort));
    int sipPort = FreePorts.udpAndTcp();
    Map<String, String> all = new HashMap<>();
    all.put("TAWAG_SIP_UDP_PORT", String.valueOf(sipPort));
    all.put("TAWAG_SIP_TCP_PORT", String.valueOf(sipPort));
    all.put("TAWAG_SIP_BIND", "127.0.0.1");
    all.put("TAWAG_SIP_ADVERTISED_ADDRESS", "127.0.0.1");
    all.put("TAWAG_RTP_ADVERTISED_ADDRESS", "127.0.0.1");
    all.put("TAWAG_RTP_PORT_MIN", "31000");
    all.put("TAWAG_RTP_PORT_MAX", "31999");
    all.put("TAWAG_HTTP_PORT", "0");
    all.put("TAWAG_DATA_DIR", dir.resolve("data").toString());
    all.put("TAWAG_ADMIN_PASSWORD", ADMIN_PASSWORD);
    all.putAll(env);
    TawagConfig config = ConfigLoader.load(dir, all);
    RecordingCallEvents events = new RecordingCallEvents();
    TawagServer server = TawagServer.start(config, events, all, clock);
    // Below the kernel's ephemeral range (32768+), so no outgoing socket can hold it.
    return new TawagTestServer(server, events, sipPort, uasPort, 30400 + 4 * (sipPort % 90));
  }

  private static String trunks(int uasPort) {
    return """
        # SIPp UAS trunk peers abort their scenario on an unexpected OPTIONS.
        tawag.sip.options-ping = 0s
        tawag.trunks {
          local-pbx {
            peers = ["127.0.0.1:5080"]
            allowed-networks = ["127.0.0.1/32"]
          }
          sipp-uas {
            peers = ["127.0.0.1:%d"]
            allowed-networks = []
            credentials { username = "%s", password = "%s" }
          }
          sipp-uas-tcp {
            peers = ["127.0.0.1:%d"]
            transport = tcp
            allowed-networks = []
            credentials { username = "%s", password = "%s" }
          }
        }
        """
        .formatted(uasPort, TRUNK_USER, TRUNK_PASSWORD, uasPort, TRUNK_USER, TRUNK_PASSWORD);
  }

  /** Copies the repository's {@code sip-config/} (found from the server module's directory). */
  static void copySipConfig(Path target) throws IOException {
    Path source = Path.of("..", "sip-config").toAbsolutePath().normalize();
    if (!Files.isRegularFile(source.resolve("tawag.conf"))) {
      throw new IllegalStateException("no sip-config/tawag.conf at " + source);
    }
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : files.toList()) {
        Path to = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /**
   * Runs SIPp {@code scenario} as a trunk caller from 127.0.0.1 dialling {@code number}, with
   * {@code extra} arguments; work files go to {@code work}.
   */
  public Sipp.Result call(Path work, String scenario, String number, List<String> extra) {
    try {
      List<String> args =
          new java.util.ArrayList<>(
              List.of(
                  "-i",
                  "127.0.0.1",
                  "-p",
                  String.valueOf(FreePorts.udpAndTcp()),
                  "-s",
                  number,
                  "-mp",
                  String.valueOf(sippMediaPort())));
      args.addAll(extra);
      return Sipp.in(work).run(scenario, "127.0.0.1:" + sipPort(), args, 40);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@link #call} in the background, with RTP to {@code probe} and the call held {@code ms}. */
  public java.util.concurrent.CompletableFuture<Sipp.Result> callWithProbe(
      Path work, String scenario, String number, RtpProbe probe, int holdMillis) {
    return java.util.concurrent.CompletableFuture.supplyAsync(
        () ->
            call(
                work,
                scenario,
                number,
                List.of(
                    "-key",
                    "rtp_port",
                    String.valueOf(probe.port()),
                    "-d",
                    String.valueOf(holdMillis))));
  }

  /**
   * Runs SIPp {@code scenario} in the background as the far end of the {@code sipp-uas} trunk (what
   * Tawag dials), its SDP naming {@code probe}'s port as {@code [rtp_port]} when a probe is given;
   * work files go to a new folder under {@code work}. No need to wait for it to listen: over UDP,
   * Tawag retransmits its INVITE until SIPp answers.
   */
  public java.util.concurrent.CompletableFuture<Sipp.Result> answerAsTrunk(
      Path work, String scenario, RtpProbe probe) {
    return answerAsTrunk(work, scenario, probe, 1);
  }

  /** {@link #answerAsTrunk(Path, String, RtpProbe)} for {@code calls} calls, then SIPp exits. */
  public java.util.concurrent.CompletableFuture<Sipp.Result> answerAsTrunk(
      Path work, String scenario, RtpProbe probe, int calls) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "-i",
                "127.0.0.1",
                "-p",
                String.valueOf(uasPort()),
                "-mp",
                String.valueOf(sippMediaPort() + 40),
                "-m",
                String.valueOf(calls)));
    if (probe != null) {
      args.addAll(List.of("-key", "rtp_port", String.valueOf(probe.port())));
    }
    Sipp sipp;
    try {
      // Here, not in the background: without SIPp the test skips (or fails on CI) at once.
      sipp = Sipp.in(Files.createTempDirectory(work, "uas-"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return java.util.concurrent.CompletableFuture.supplyAsync(
        () -> {
          try {
            return sipp.run(scenario, null, args, 40 + 10 * calls);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  public TawagServer server() {
    return server;
  }

  public RecordingCallEvents events() {
    return events;
  }

  /** The SIP port, UDP and TCP. */
  public int sipPort() {
    return sipPort;
  }

  /** The port the test trunk {@code sipp-uas} sends to: run the SIPp UAS there. */
  public int uasPort() {
    return uasPort;
  }

  /**
   * An even port for SIPp's own media (-mp, and -mp+2), outside Tawag's RTP range (31000-31999) and
   * RtpSessionIT's (30100-30201).
   */
  public int sippMediaPort() {
    return sippMediaPort;
  }

  @Override
  public void close() {
    server.close();
  }
}
