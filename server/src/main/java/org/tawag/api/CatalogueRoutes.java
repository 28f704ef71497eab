package org.tawag.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.tawag.orders.Disposition;
import org.tawag.orders.OrderJson;

/**
 * The catalogues every logged-in user may read, from configuration: {@code /api/dispositions}
 * (disposition kinds and refusal reasons) and {@code /api/order-types} (types with their fields).
 */
final class CatalogueRoutes {
  private final Api api;

  CatalogueRoutes(Api api) {
    this.api = api;
  }

  void mount(Router router) {
    router
        .get("/api/dispositions")
        .handler(api.authz().authenticated())
        .handler(this::dispositions);
    router.get("/api/order-types").handler(api.authz().authenticated()).handler(this::orderTypes);
  }

  private void dispositions(RoutingContext ctx) {
    JsonArray kinds = new JsonArray();
    for (Disposition.Kind k : Disposition.Kind.values()) {
      kinds.add(
          new JsonObject()
              .put("code", k.code())
              .put("requiresOrder", k.requiresOrder())
              .put("takesReason", k == Disposition.Kind.REFUSED)
              .put("takesCallbackAt", k == Disposition.Kind.CALLBACK));
    }
    Replies.send(
        ctx,
        200,
        new JsonObject()
            .put("dispositions", kinds)
            .put("refusalReasons", new JsonArray(api.settings().refusalReasons())));
  }

  private void orderTypes(RoutingContext ctx) {
    JsonArray types = new JsonArray();
    api.settings().types().forEach(t -> types.add(OrderJson.orderType(t)));
    Replies.send(ctx, 200, new JsonObject().put("orderTypes", types));
  }
}
