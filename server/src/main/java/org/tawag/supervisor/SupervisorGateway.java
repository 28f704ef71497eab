package org.tawag.supervisor;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.acd.AgentView;
import org.tawag.acd.QueueStats;
import org.tawag.queue.QueueService;

/**
 * The supervisor WebSocket endpoint {@value #PATH}: checks the Origin and a supervisor or admin
 * session before upgrading, then pushes a {@link Wallboard} snapshot to every open socket each
 * second and samples the waiting history every ten.
 */
public final class SupervisorGateway {
  private static final Logger log = LoggerFactory.getLogger(SupervisorGateway.class);

  /** The WebSocket path. */
  public static final String PATH = "/supervisor/v1";

  /** Time between wallboard snapshots. */
  public static final long PUSH_MILLIS = 1000;

  private final Vertx vertx;
  private final Function<HttpServerRequest, Optional<String>> supervisorOf;
  private final Predicate<HttpServerRequest> originAllowed;
  private final QueueService acd;
  private final TodayFigures today;
  private final List<String> queues;
  private final List<String> agents;
  private final Clock clock;
  private final WaitingHistory history = new WaitingHistory();
  private final Set<SupervisorSocket> sockets = new HashSet<>();
  private Context context;

  /**
   * A gateway over {@code acd} for {@code queues} and {@code agents} (the queues' members); {@code
   * supervisorOf} names the supervisor or admin of a request, empty for anyone else.
   */
  public SupervisorGateway(
      Vertx vertx,
      Function<HttpServerRequest, Optional<String>> supervisorOf,
      Predicate<HttpServerRequest> originAllowed,
      QueueService acd,
      TodayFigures today,
      List<String> queues,
      List<String> agents,
      Clock clock) {
    this.vertx = vertx;
    this.supervisorOf = supervisorOf;
    this.originAllowed = originAllowed;
    this.acd = acd;
    this.today = today;
    this.queues = List.copyOf(queues);
    this.agents = List.copyOf(agents);
    this.clock = clock;
  }

  /** Adds the endpoint and starts the snapshots; call on a Vert.x context. */
  public void mount(Router router) {
    context = vertx.getOrCreateContext();
    router.get(PATH).handler(this::upgrade);
    vertx.setPeriodic(PUSH_MILLIS, id -> tick());
  }

  private void upgrade(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    if (!req.canUpgradeToWebSocket()) {
      refuse(ctx, 400, "this endpoint only speaks WebSocket");
      return;
    }
    if (!originAllowed.test(req)) {
      log.info("supervisor socket refused: origin not allowed");
      refuse(ctx, 403, "origin not allowed");
      return;
    }
    Optional<String> who = supervisorOf.apply(req);
    if (who.isEmpty()) {
      refuse(ctx, 401, "log in as a supervisor first");
      return;
    }
    req.toWebSocket()
        .onSuccess(
            ws -> {
              log.info("supervisor {} connected", who.get());
              SupervisorSocket s =
                  SupervisorSocket.open(
                      ws,
                      who.get(),
                      acd,
                      Set.copyOf(agents),
                      gone -> context.runOnContext(x -> sockets.remove(gone)));
              context.runOnContext(
                  v -> {
                    if (!s.isClosed()) {
                      sockets.add(s);
                    }
                  });
            })
        .onFailure(e -> log.debug("supervisor upgrade failed: {}", e.toString()));
  }

  /** Gathers the ACD's counters (on its thread), then renders and sends on this context. */
  private void tick() {
    List<CompletableFuture<QueueStats>> stats = new ArrayList<>();
    queues.forEach(q -> stats.add(acd.stats(q)));
    List<CompletableFuture<Optional<AgentView>>> views = new ArrayList<>();
    agents.forEach(a -> views.add(acd.agent(a)));
    List<CompletableFuture<?>> all = new ArrayList<>(stats);
    all.addAll(views);
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .whenComplete(
            (v, e) ->
                context.runOnContext(
                    x -> {
                      if (e != null) {
                        log.warn("wallboard not built: {}", e.toString());
                        return;
                      }
                      publish(
                          stats.stream().map(CompletableFuture::join).toList(),
                          views.stream()
                              .map(CompletableFuture::join)
                              .flatMap(Optional::stream)
                              .toList());
                    }));
  }

  private void publish(List<QueueStats> live, List<AgentView> views) {
    Instant now = clock.instant();
    Map<String, Integer> waiting = new LinkedHashMap<>();
    live.forEach(s -> waiting.put(s.queue(), s.waiting()));
    history.offer(now, waiting);
    if (sockets.isEmpty()) {
      return;
    }
    String text =
        Wallboard.render(
                now,
                live,
                today.queues(),
                views,
                views.stream().map(a -> today.agent(a.agentId())).toList(),
                acd.escalated(),
                history.samples())
            .encode();
    sockets.forEach(s -> s.send(text));
  }

  private static void refuse(RoutingContext ctx, int status, String message) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json")
        .end(new JsonObject().put("error", message).encode());
  }
}
