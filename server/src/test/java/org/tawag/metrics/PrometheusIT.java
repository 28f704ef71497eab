package org.tawag.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.testing.AgentClient;
import org.tawag.testing.ExternalTool;
import org.tawag.testing.FreePorts;
import org.tawag.testing.HttpSession;
import org.tawag.testing.RtpProbe;
import org.tawag.testing.Sipp;
import org.tawag.testing.TawagServerExtension;
import org.tawag.testing.TawagTestServer;

/**
 * A real Prometheus (Debian's {@code prometheus}) on loopback scrapes a running Tawag every second
 * with the repository's rules; after one answered call, the service-level recording rule reads 1
 * through Prometheus' HTTP API, and every dashboard query is valid PromQL there.
 */
class PrometheusIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String PASSWORD = "operator-pass-1";

  @RegisterExtension static final TawagServerExtension server = new TawagServerExtension();

  @TempDir Path work;

  private final HttpClient http = HttpClient.newHttpClient();
  private Process prometheus;
  private int apiPort;

  @AfterEach
  void stopPrometheus() throws Exception {
    if (prometheus != null) {
      prometheus.destroy();
      if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
        prometheus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void recordingRuleReadsTheServiceLevelOfARealCall() throws Exception {
    startPrometheus();
    awaitQuery("up{job=\"tawag\"} == 1", "Prometheus scrapes Tawag");

    int port = tawag().server().httpPort();
    HttpSession.login(port, "admin", TawagTestServer.ADMIN_PASSWORD)
        .createUser("alice", PASSWORD, "operator");
    try (AgentClient alice =
            AgentClient.connect(port, HttpSession.login(port, "alice", PASSWORD).cookie());
        RtpProbe caller = new RtpProbe()) {
      alice.await("welcome", WAIT);
      alice.awaitState("not_ready", WAIT);
      alice.send("ready");
      alice.awaitState("available", WAIT);
      CompletableFuture<Sipp.Result> sipp = call(caller);
      String callId = alice.await("offer", WAIT).getString("callId");
      alice.send("answer", "callId", callId);
      alice.await("ended", Duration.ofSeconds(15));
      alice.send("wrapup", "callId", callId, "disposition", "information_only");
      alice.awaitState("available", WAIT);
      assertEquals(0, sipp.get(30, TimeUnit.SECONDS).exitCode());
    }

    JsonObject sample =
        awaitQuery(
            "queue:tawag_service_level:ratio_rate5m{queue=\"support\"}",
            "the service-level rule has a value");
    assertEquals("1", sample.getJsonArray("value").getString(1), sample.encode());
    JsonObject asa =
        awaitQuery("queue:tawag_asa_seconds:rate5m{queue=\"support\"}", "the ASA rule has a value");
    double seconds = Double.parseDouble(asa.getJsonArray("value").getString(1));
    assertTrue(seconds >= 0 && seconds < 10, "ASA of one quickly answered call: " + seconds);
  }

  @Test
  void everyDashboardQueryIsValidPromql() throws Exception {
    startPrometheus();
    Path dashboards = MonitoringRulesIT.MONITORING.resolve("grafana/dashboards");
    List<String> names = List.of("supervisor-wallboard.json", "operations.json");
    for (String name : names) {
      JsonObject board = new JsonObject(Files.readString(dashboards.resolve(name)));
      for (Object p : board.getJsonArray("panels")) {
        for (Object t : ((JsonObject) p).getJsonArray("targets")) {
          String expr = ((JsonObject) t).getString("expr").replace("$queue", ".*");
          JsonObject reply = query(expr);
          assertEquals("success", reply.getString("status"), name + ": " + expr + " " + reply);
        }
      }
    }
  }

  // ---- helpers ----

  private static TawagTestServer tawag() {
    return server.get();
  }

  private void startPrometheus() throws Exception {
    Path binary = ExternalTool.require("prometheus", "prometheus");
    Path rules = MonitoringRulesIT.MONITORING.resolve("rules");
    Path config = work.resolve("prometheus.yml");
    Files.writeString(
        config,
        """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        rule_files:
          - "%s"
          - "%s"
        scrape_configs:
          - job_name: tawag
            metrics_path: /metrics
            static_configs:
              - targets: ["127.0.0.1:%d"]
        """
            .formatted(
                rules.resolve("tawag-recording.yml"),
                rules.resolve("tawag-alerts.yml"),
                tawag().server().httpPort()));
    apiPort = FreePorts.udpAndTcp();
    prometheus =
        new ProcessBuilder(
                binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + work.resolve("data"),
                "--web.listen-address=127.0.0.1:" + apiPort,
                "--log.level=warn")
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("prometheus.log").toFile())
            .start();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!ready()) {
      assertTrue(prometheus.isAlive(), "prometheus exited: " + log());
      assertTrue(System.nanoTime() < deadline, "prometheus not ready: " + log());
      Thread.sleep(100);
    }
  }

  private boolean ready() {
    try {
      return get("/-/ready").statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  /** Polls {@code expr} until its first sample is a number (0/0 is NaN before any call). */
  private JsonObject awaitQuery(String expr, String what) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      Optional<JsonObject> first =
          firstSample(query(expr)).filter(x -> !"NaN".equals(x.getJsonArray("value").getString(1)));
      if (first.isPresent()) {
        return first.get();
      }
      assertTrue(System.nanoTime() < deadline, what + ": no sample of " + expr + "; " + log());
      Thread.sleep(200);
    }
  }

  private static Optional<JsonObject> firstSample(JsonObject reply) {
    JsonObject data = reply.getJsonObject("data");
    JsonArray result = data == null ? null : data.getJsonArray("result");
    return result == null || result.isEmpty()
        ? Optional.empty()
        : Optional.of(result.getJsonObject(0));
  }

  private JsonObject query(String expr) throws Exception {
    HttpResponse<String> r =
        get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
    return new JsonObject(r.body());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + path))
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String log() {
    try {
      return Files.readString(work.resolve("prometheus.log"));
    } catch (Exception e) {
      return "(no log)";
    }
  }

  private CompletableFuture<Sipp.Result> call(RtpProbe probe) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            List<String> args =
                new ArrayList<>(
                    List.of(
                        "-i",
                        "127.0.0.1",
                        "-p",
                        String.valueOf(FreePorts.udpAndTcp()),
                        "-s",
                        "800",
                        "-mp",
                        String.valueOf(tawag().sippMediaPort()),
                        "-key",
                        "rtp_port",
                        String.valueOf(probe.port()),
                        "-d",
                        "1000"));
            return Sipp.in(work).run("uac-echo.xml", "127.0.0.1:" + tawag().sipPort(), args, 40);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
