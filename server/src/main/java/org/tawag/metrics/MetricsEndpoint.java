package org.tawag.metrics;

import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics}: the Prometheus text exposition, for peers in the configured scrape networks
 * only (loopback by default); anyone else gets 403. The scrape runs on a worker thread because it
 * reads every gauge.
 */
public final class MetricsEndpoint {
  /** The path Prometheus scrapes. */
  public static final String PATH = "/metrics";

  /** The exposition format Prometheus asks for by default. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final Logger log = LoggerFactory.getLogger(MetricsEndpoint.class);

  private final Vertx vertx;
  private final TawagMetrics metrics;
  private final ScrapeAccess access;

  public MetricsEndpoint(Vertx vertx, TawagMetrics metrics) {
    this.vertx = vertx;
    this.metrics = metrics;
    this.access = new ScrapeAccess(metrics.settings().scrapeNetworks());
  }

  /** Adds the route. */
  public void mount(Router router) {
    router.get(PATH).handler(this::scrape);
  }

  private void scrape(RoutingContext ctx) {
    SocketAddress peer = ctx.request().connection().remoteAddress();
    if (peer == null || !access.allows(peer.hostAddress())) {
      ctx.response().setStatusCode(403).putHeader("content-type", "text/plain").end("forbidden\n");
      return;
    }
    vertx
        .executeBlocking(metrics::scrape, false)
        .onSuccess(text -> ctx.response().putHeader("content-type", CONTENT_TYPE).end(text))
        .onFailure(
            e -> {
              log.warn("metrics scrape failed: {}", e.toString());
              ctx.response().setStatusCode(500).end();
            });
  }
}
