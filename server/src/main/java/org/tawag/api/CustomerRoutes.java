package org.tawag.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Optional;
import org.tawag.orders.CustomerDraft;
import org.tawag.orders.CustomerHistory;
import org.tawag.orders.FieldErrors;
import org.tawag.orders.OrderJson;
import org.tawag.orders.ValidationException;

/**
 * {@code /api/customers}: search with pages, read, create, change and history. Every answer with a
 * customer's name or phone is audited first ({@code customer.list}, {@code customer.read}, {@code
 * customer.history}).
 */
final class CustomerRoutes {
  private final Api api;

  CustomerRoutes(Api api) {
    this.api = api;
  }

  void mount(Router router, BodyHandler body) {
    router.get("/api/customers").handler(api.authz().require(Api.MANAGERS)).handler(this::list);
    router
        .post("/api/customers")
        .handler(body)
        .handler(api.authz().require(Api.MANAGERS))
        .handler(this::create);
    router
        .get("/api/customers/:id")
        .handler(api.authz().require(Api.CUSTOMER_READERS))
        .handler(this::get);
    router
        .put("/api/customers/:id")
        .handler(body)
        .handler(api.authz().require(Api.MANAGERS))
        .handler(this::update);
    router
        .get("/api/customers/:id/history")
        .handler(api.authz().require(Api.CUSTOMER_READERS))
        .handler(this::history);
  }

  private void list(RoutingContext ctx) {
    Optional<String> q = QueryParams.single(ctx, "q");
    if (q == null) {
      return;
    }
    if (q.isPresent() && q.get().length() > 200) {
      Replies.badField(ctx, "q", "must be at most 200 characters");
      return;
    }
    Paging p = Paging.of(ctx);
    if (p == null) {
      return;
    }
    String detail = "q " + (q.isPresent() ? "given" : "none") + ", offset " + p.offset();
    api.audited(
        ctx,
        "customer.list",
        "customers",
        detail,
        () ->
            Api.await(
                ctx,
                api.customers().search(q.orElse(null), p.limit(), p.offset()),
                page -> {
                  JsonArray items = new JsonArray();
                  page.items().forEach(c -> items.add(OrderJson.customer(c)));
                  Replies.send(ctx, 200, Replies.page(page, items));
                }));
  }

  private void get(RoutingContext ctx) {
    Long id = QueryParams.id(ctx, "id");
    if (id == null) {
      return;
    }
    Api.await(
        ctx,
        api.customers().find(id),
        found -> {
          if (found.isEmpty()) {
            Replies.notFound(ctx, "no such customer");
            return;
          }
          api.checkReader(
              ctx,
              found.get().phone(),
              () ->
                  api.audited(
                      ctx,
                      "customer.read",
                      "customer:" + id,
                      null,
                      () -> Replies.send(ctx, 200, OrderJson.customer(found.get()))));
        });
  }

  private void history(RoutingContext ctx) {
    Long id = QueryParams.id(ctx, "id");
    if (id == null) {
      return;
    }
    Api.await(
        ctx,
        api.customers().history(id),
        found -> {
          if (found.isEmpty()) {
            Replies.notFound(ctx, "no such customer");
            return;
          }
          CustomerHistory h = found.get();
          api.checkReader(
              ctx,
              h.customer().phone(),
              () ->
                  api.audited(
                      ctx,
                      "customer.history",
                      "customer:" + id,
                      null,
                      () -> Replies.send(ctx, 200, history(h))));
        });
  }

  private static JsonObject history(CustomerHistory h) {
    JsonArray calls = new JsonArray();
    h.calls().forEach(c -> calls.add(CallRoutes.withDisposition(OrderJson.callSummary(c))));
    JsonArray offers = new JsonArray();
    h.offers().forEach(c -> offers.add(CallRoutes.withDisposition(OrderJson.callSummary(c))));
    JsonArray refusals = new JsonArray();
    h.refusals().forEach(c -> refusals.add(CallRoutes.withDisposition(OrderJson.callSummary(c))));
    JsonArray orders = new JsonArray();
    h.orders().forEach(o -> orders.add(OrderJson.order(o)));
    return new JsonObject()
        .put("customer", OrderJson.customer(h.customer()))
        .put("calls", calls)
        .put("offers", offers)
        .put("refusals", refusals)
        .put("orders", orders);
  }

  private void create(RoutingContext ctx) {
    CustomerDraft draft = draft(ctx);
    if (draft == null) {
      return;
    }
    Api.await(
        ctx,
        api.customers().create(draft),
        c -> {
          ctx.response().putHeader("Location", "/api/customers/" + c.id());
          Replies.send(ctx, 201, OrderJson.customer(c));
        });
  }

  private void update(RoutingContext ctx) {
    Long id = QueryParams.id(ctx, "id");
    if (id == null) {
      return;
    }
    CustomerDraft draft = draft(ctx);
    if (draft == null) {
      return;
    }
    Api.await(
        ctx,
        api.customers().update(id, draft),
        c -> {
          if (c.isEmpty()) {
            Replies.notFound(ctx, "no such customer");
          } else {
            Replies.send(ctx, 200, OrderJson.customer(c.get()));
          }
        });
  }

  /** The checked draft of the body, or {@code null} after answering 400 or 415. */
  private CustomerDraft draft(RoutingContext ctx) {
    JsonObject json = Replies.body(ctx);
    if (json == null) {
      return null;
    }
    FieldErrors errors = new FieldErrors();
    String name = text(json, "fullName", errors);
    String phone = text(json, "phone", errors);
    CustomerDraft draft = new CustomerDraft(name, phone);
    try {
      draft.validate(api.settings());
    } catch (ValidationException e) {
      e.errors().forEach(errors::add);
    }
    if (!errors.isEmpty()) {
      Replies.fieldErrors(ctx, errors.asMap());
      return null;
    }
    return draft;
  }

  private static String text(JsonObject json, String key, FieldErrors errors) {
    Object v = json.getValue(key);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    errors.add(key, "must be text");
    return null;
  }
}
