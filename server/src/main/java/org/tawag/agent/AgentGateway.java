package org.tawag.agent;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent WebSocket endpoint: checks the Origin and the operator's session before upgrading (a
 * refused request never becomes a socket), then hands the socket to an {@link AgentSocket}.
 */
public final class AgentGateway {
  private static final Logger log = LoggerFactory.getLogger(AgentGateway.class);

  /** Default interval between server pings. */
  public static final long HEARTBEAT_MILLIS = 15_000;

  private final Vertx vertx;
  private final AgentAuthenticator authenticator;
  private final Predicate<HttpServerRequest> originAllowed;
  private final AgentDesk desk;
  private final AgentOrders orders;
  private final AgentSocketStats stats = new AgentSocketStats();
  private final long heartbeatMillis;

  public AgentGateway(
      Vertx vertx,
      AgentAuthenticator authenticator,
      Predicate<HttpServerRequest> originAllowed,
      AgentDesk desk,
      AgentOrders orders,
      long heartbeatMillis) {
    this.orders = orders;
    this.vertx = vertx;
    this.authenticator = authenticator;
    this.originAllowed = originAllowed;
    this.desk = desk;
    this.heartbeatMillis = heartbeatMillis;
  }

  /** Adds the endpoint at {@link AgentProtocol#PATH}. */
  public void mount(Router router) {
    router.get(AgentProtocol.PATH).handler(this::upgrade);
  }

  /** Counters of all agent sockets. */
  public AgentSocketStats stats() {
    return stats;
  }

  private void upgrade(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    if (!req.canUpgradeToWebSocket()) {
      refuse(ctx, 400, "this endpoint only speaks WebSocket");
      return;
    }
    if (!originAllowed.test(req)) {
      log.info("agent socket refused: origin not allowed");
      refuse(ctx, 403, "origin not allowed");
      return;
    }
    Optional<String> agent = authenticator.agentOf(req);
    if (agent.isEmpty()) {
      refuse(ctx, 401, "log in as an operator first");
      return;
    }
    String agentId = agent.get();
    req.toWebSocket()
        .onSuccess(
            ws -> {
              log.info("agent {} connected", agentId);
              AgentSocket.open(vertx, ws, agentId, desk, orders, stats, heartbeatMillis);
            })
        .onFailure(e -> log.debug("agent {} upgrade failed: {}", agentId, e.toString()));
  }

  private static void refuse(RoutingContext ctx, int status, String message) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json")
        .end(new JsonObject().put("error", message).encode());
  }
}
