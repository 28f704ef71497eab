package org.tawag.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tawag.orders.Disposition;

/** {@code /api/calls}: call records with filters and pages, and one call with its queue events. */
final class CallRoutes {
  private static final List<String> OUTCOMES =
      List.of(
          "completed_by_caller",
          "completed_by_agent",
          "abandoned",
          "overflowed",
          "timed_out",
          "transferred",
          "failed",
          "rejected");

  private final Api api;

  CallRoutes(Api api) {
    this.api = api;
  }

  void mount(Router router) {
    router.get("/api/calls").handler(api.authz().require(Api.MANAGERS)).handler(this::list);
    router.get("/api/calls/:id").handler(api.authz().require(Api.MANAGERS)).handler(this::get);
  }

  private void list(RoutingContext ctx) {
    Optional<Instant> from = QueryParams.instant(ctx, "from");
    if (from == null) {
      return;
    }
    Optional<Instant> to = QueryParams.instant(ctx, "to");
    if (to == null) {
      return;
    }
    Optional<String> queue = QueryParams.single(ctx, "queue");
    if (queue == null) {
      return;
    }
    Optional<String> agent = QueryParams.single(ctx, "agent");
    if (agent == null) {
      return;
    }
    Optional<String> outcome = QueryParams.oneOf(ctx, "outcome", OUTCOMES);
    if (outcome == null) {
      return;
    }
    Optional<String> direction = QueryParams.oneOf(ctx, "direction", List.of("in", "out"));
    if (direction == null) {
      return;
    }
    Paging p = Paging.of(ctx);
    if (p == null) {
      return;
    }
    CallFilter f =
        new CallFilter(
            from.orElse(null),
            to.orElse(null),
            queue.orElse(null),
            agent.orElse(null),
            outcome.orElse(null),
            direction.orElse(null));
    // Call records carry callers' numbers: personal data, so reads are audited too.
    api.audited(
        ctx,
        "call.list",
        "calls",
        "offset " + p.offset(),
        () ->
            Api.await(
                ctx,
                api.calls().list(f, p.limit(), p.offset()),
                page -> {
                  JsonArray items = new JsonArray();
                  page.items().forEach(c -> items.add(withDisposition(c)));
                  Replies.send(ctx, 200, Replies.page(page, items));
                }));
  }

  private void get(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Api.await(
        ctx,
        api.calls().find(id),
        found -> {
          if (found.isEmpty()) {
            Replies.notFound(ctx, "no such call");
          } else {
            api.audited(
                ctx,
                "call.read",
                "call:" + id,
                null,
                () -> Replies.send(ctx, 200, withDisposition(found.get())));
          }
        });
  }

  /**
   * Adds {@code dispositionKind} and {@code refusalReason} read from the stored disposition code
   * ({@code refused:too_expensive}), so clients need not parse it.
   */
  static JsonObject withDisposition(JsonObject call) {
    String code = call.getString("disposition");
    String kind = null;
    String reason = null;
    if (code != null) {
      try {
        Disposition d = Disposition.fromCode(code);
        kind = d.kind().code();
        reason = d.reason();
      } catch (IllegalArgumentException e) {
        kind = null;
      }
    }
    return call.put("dispositionKind", kind).put("refusalReason", reason);
  }
}
