package org.tawag.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.tawag.config.HttpSettings;
import org.tawag.sip.SipService;

/**
 * The HTTP server: the feature routes its caller mounts (login and users, the agent WebSocket,
 * {@code /metrics}), a health check, and the web UI from the classpath last.
 */
public final class HttpService implements AutoCloseable {
  private final Vertx vertx;
  private final HttpServer server;
  private final Router router;

  private HttpService(Vertx vertx, HttpServer server, Router router) {
    this.vertx = vertx;
    this.server = server;
    this.router = router;
  }

  /**
   * Starts listening; blocks the caller (start-up only) until bound or failed. {@code routes} adds
   * the feature endpoints (agent socket, API) before the static pages.
   */
  public static HttpService start(
      HttpSettings settings, SipService sip, BiConsumer<Vertx, Router> routes) {
    Vertx vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    routes.accept(vertx, router);
    router
        .get("/health")
        .handler(
            ctx ->
                ctx.json(
                    new JsonObject()
                        .put("status", "up")
                        .put("activeCalls", sip.activeCalls())
                        .put("sipDialogs", sip.stackDialogs())));
    router.route("/*").handler(StaticHandler.create("web").setCachingEnabled(false));
    try {
      HttpServerOptions options =
          new HttpServerOptions()
              // Audio frames are small and already compressed G.711: deflate would only cost CPU
              // and delay.
              .setPerMessageWebSocketCompressionSupported(false)
              .setPerFrameWebSocketCompressionSupported(false)
              .setMaxWebSocketFrameSize(65536)
              .setTcpNoDelay(true);
      settings
          .tls()
          .ifPresent(
              tls ->
                  options
                      .setSsl(true)
                      .setKeyCertOptions(
                          new PemKeyCertOptions()
                              .setCertPath(tls.certificate().toString())
                              .setKeyPath(tls.key().toString())));
      HttpServer server =
          vertx
              .createHttpServer(options)
              .requestHandler(router)
              .listen(settings.port(), settings.bindAddress())
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      return new HttpService(vertx, server, router);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException(
          "cannot listen for HTTP"
              + (settings.tls().isPresent() ? "S" : "")
              + " on "
              + settings.bindAddress()
              + ":"
              + settings.port()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Every route with a path as {@code "METHOD /path"} ({@code GET /api/customers/:id}), in mount
   * order; a route for any method shows as {@code "* /path"}. Tests check the API description
   * against it.
   */
  public List<String> routes() {
    List<String> out = new ArrayList<>();
    for (Route r : router.getRoutes()) {
      if (r.getPath() == null) {
        continue;
      }
      if (r.methods() == null || r.methods().isEmpty()) {
        out.add("* " + r.getPath());
      } else {
        r.methods().forEach(m -> out.add(m.name() + " " + r.getPath()));
      }
    }
    return out;
  }

  /** The bound port. */
  public int port() {
    return server.actualPort();
  }

  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      org.slf4j.LoggerFactory.getLogger(HttpService.class).warn("HTTP stop: {}", e.toString());
    }
  }
}
