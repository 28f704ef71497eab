package org.tawag.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.tawag.orders.Order;
import org.tawag.orders.OrderDraft;
import org.tawag.orders.OrderFilter;
import org.tawag.orders.OrderJson;
import org.tawag.orders.OrderStatus;
import org.tawag.orders.ValidationException;

/**
 * {@code /api/orders}: list with filters and pages, read (with the calls filed against it), create,
 * change, status change and status history. A status that cannot follow the current one is 409 with
 * {@code errors.status}. Orders carry the customer's name and phone, so reads are audited.
 */
final class OrderRoutes {
  private final Api api;

  OrderRoutes(Api api) {
    this.api = api;
  }

  void mount(Router router, BodyHandler body) {
    router.get("/api/orders").handler(api.authz().require(Api.MANAGERS)).handler(this::list);
    router
        .post("/api/orders")
        .handler(body)
        .handler(api.authz().require(Api.MANAGERS))
        .handler(this::create);
    router
        .get("/api/orders/:id")
        .handler(api.authz().require(Api.CUSTOMER_READERS))
        .handler(this::get);
    router
        .put("/api/orders/:id")
        .handler(body)
        .handler(api.authz().require(Api.MANAGERS))
        .handler(this::update);
    router
        .post("/api/orders/:id/status")
        .handler(body)
        .handler(api.authz().require(Api.MANAGERS))
        .handler(this::status);
    router
        .get("/api/orders/:id/history")
        .handler(api.authz().require(Api.CUSTOMER_READERS))
        .handler(this::history);
  }

  private void list(RoutingContext ctx) {
    Optional<String> status =
        QueryParams.oneOf(
            ctx, "status", Arrays.stream(OrderStatus.values()).map(OrderStatus::code).toList());
    if (status == null) {
      return;
    }
    Optional<String> type = QueryParams.oneOf(ctx, "serviceType", api.settings().serviceTypes());
    if (type == null) {
      return;
    }
    Optional<String> customer = QueryParams.single(ctx, "customerId");
    if (customer == null) {
      return;
    }
    if (customer.isPresent() && !customer.get().matches("\\d{1,18}")) {
      Replies.badField(ctx, "customerId", "must be a positive whole number");
      return;
    }
    Optional<Instant> from = QueryParams.instant(ctx, "createdFrom");
    if (from == null) {
      return;
    }
    Optional<Instant> to = QueryParams.instant(ctx, "createdTo");
    if (to == null) {
      return;
    }
    Paging p = Paging.of(ctx);
    if (p == null) {
      return;
    }
    OrderFilter filter =
        new OrderFilter(
            status.flatMap(OrderStatus::fromCode).orElse(null),
            type.orElse(null),
            customer.map(Long::parseLong).orElse(null),
            from.orElse(null),
            to.orElse(null));
    api.audited(
        ctx,
        "order.list",
        "orders",
        "offset " + p.offset(),
        () ->
            Api.await(
                ctx,
                api.orders().listOrders(filter, p.limit(), p.offset()),
                page -> {
                  JsonArray items = new JsonArray();
                  page.items().forEach(o -> items.add(OrderJson.order(o)));
                  Replies.send(ctx, 200, Replies.page(page, items));
                }));
  }

  /** Finds the order of the path and checks the session may read it, then runs {@code then}. */
  private void readable(
      RoutingContext ctx, String action, java.util.function.Consumer<Order> then) {
    String id = ctx.pathParam("id");
    if (!OrderDraft.ORDER_ID.matcher(id).matches()) {
      Replies.badField(ctx, "id", "must be an order id such as O-000123");
      return;
    }
    Api.await(
        ctx,
        api.orders().findOrder(id),
        found -> {
          if (found.isEmpty()) {
            Replies.notFound(ctx, "no such order");
            return;
          }
          Order o = found.get();
          api.checkReader(
              ctx,
              o.customer().phone(),
              () -> api.audited(ctx, action, "order:" + id, null, () -> then.accept(o)));
        });
  }

  private void get(RoutingContext ctx) {
    readable(
        ctx,
        "order.read",
        o ->
            Api.await(
                ctx,
                api.calls().ofOrder(o.id()),
                calls ->
                    Replies.send(ctx, 200, OrderJson.order(o).put("calls", new JsonArray(calls)))));
  }

  private void history(RoutingContext ctx) {
    readable(
        ctx,
        "order.history",
        o ->
            Api.await(
                ctx,
                api.orders().statusHistory(o.id()),
                changes -> {
                  JsonArray items = new JsonArray();
                  changes.forEach(c -> items.add(OrderJson.statusChange(c)));
                  Replies.send(
                      ctx, 200, new JsonObject().put("orderId", o.id()).put("items", items));
                }));
  }

  private void create(RoutingContext ctx) {
    JsonObject json = Replies.body(ctx);
    if (json == null) {
      return;
    }
    if (json.getValue("id") != null) {
      Replies.badField(ctx, "id", "must not be given; PUT /api/orders/{id} changes an order");
      return;
    }
    save(ctx, json, 201);
  }

  private void update(RoutingContext ctx) {
    JsonObject json = Replies.body(ctx);
    if (json == null) {
      return;
    }
    String id = ctx.pathParam("id");
    if (!OrderDraft.ORDER_ID.matcher(id).matches()) {
      Replies.badField(ctx, "id", "must be an order id such as O-000123");
      return;
    }
    Api.await(
        ctx,
        api.orders().findOrder(id),
        found -> {
          if (found.isEmpty()) {
            Replies.notFound(ctx, "no such order");
          } else {
            save(ctx, json.copy().put("id", id), 200);
          }
        });
  }

  private void save(RoutingContext ctx, JsonObject json, int status) {
    OrderDraft draft;
    try {
      draft = OrderJson.draftFrom(json, api.settings());
    } catch (ValidationException e) {
      Replies.fieldErrors(ctx, e.errors());
      return;
    }
    Api.await(
        ctx,
        api.orders().saveOrder(draft, Api.user(ctx)),
        o -> {
          if (status == 201) {
            ctx.response().putHeader("Location", "/api/orders/" + o.id());
          }
          Replies.send(ctx, status, OrderJson.order(o));
        });
  }

  private void status(RoutingContext ctx) {
    JsonObject json = Replies.body(ctx);
    if (json == null) {
      return;
    }
    String id = ctx.pathParam("id");
    Object raw = json.getValue("status");
    Optional<OrderStatus> to = raw instanceof String s ? OrderStatus.fromCode(s) : Optional.empty();
    if (to.isEmpty()) {
      Replies.badField(
          ctx, "status", "must be one of new, scheduled, in_progress, done, cancelled");
      return;
    }
    Api.await(
        ctx,
        api.orders().changeStatus(id, to.get(), Api.user(ctx)),
        o -> Replies.send(ctx, 200, OrderJson.order(o)));
  }
}
