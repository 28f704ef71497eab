package org.tawag.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tawag.acd.AcdConfig;
import org.tawag.config.Cidr;

/** {@code /metrics} over real loopback HTTP: allowed networks get the text, others 403. */
class MetricsEndpointTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void loopbackScrapesByDefault() throws Exception {
    HttpResponse<String> r = get(MetricsSettings.defaults());
    assertEquals(200, r.statusCode());
    assertEquals(MetricsEndpoint.CONTENT_TYPE, r.headers().firstValue("content-type").orElse(""));
    assertTrue(r.body().contains("# HELP jvm_memory_used_bytes"), "JVM metrics are exported");
    assertTrue(r.body().contains("process_uptime_seconds"), "process metrics are exported");
  }

  @Test
  void peersOutsideTheScrapeNetworksAreRefused() throws Exception {
    HttpResponse<String> r =
        get(MetricsSettings.defaults().withScrapeNetworks(List.of(Cidr.parse("10.0.0.0/8"))));
    assertEquals(403, r.statusCode());
    assertFalse(r.body().contains("jvm_"));
  }

  @Test
  void scrapeAccessMatchesAddressesNotNames() {
    ScrapeAccess access = new ScrapeAccess(MetricsSettings.defaults().scrapeNetworks());
    assertTrue(access.allows("127.0.0.1"));
    assertTrue(access.allows("0:0:0:0:0:0:0:1"));
    assertFalse(access.allows("192.168.1.5"));
    assertFalse(access.allows(""));
    assertFalse(access.allows(null));
  }

  private HttpResponse<String> get(MetricsSettings settings) throws Exception {
    try (TawagMetrics metrics =
        TawagMetrics.create(
            new AcdConfig(List.of(), List.of()), Set.of(), settings, Clock.systemUTC())) {
      Router router = Router.router(vertx);
      new MetricsEndpoint(vertx, metrics).mount(router);
      HttpServer server =
          vertx
              .createHttpServer()
              .requestHandler(router)
              .listen(0, "127.0.0.1")
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + server.actualPort() + MetricsEndpoint.PATH))
              .timeout(Duration.ofSeconds(10))
              .build();
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
  }
}
