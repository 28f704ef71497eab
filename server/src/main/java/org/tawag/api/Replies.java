package org.tawag.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.http.JsonAnswers;
import org.tawag.orders.OrderJson;
import org.tawag.orders.OrderNotFoundException;
import org.tawag.orders.Page;
import org.tawag.orders.PhoneTakenException;
import org.tawag.orders.ValidationException;

/**
 * The JSON answers of the {@code /api} routes: bodies, field errors ({@code 400 {"errors": {field:
 * message}}}), 404, 409, and the mapping of store failures. Never cached; never logs a body.
 */
final class Replies {
  private static final Logger log = LoggerFactory.getLogger(Replies.class);

  private Replies() {}

  /** Answers {@code status} with {@code json} (a JSON object, or text already encoded). */
  static void send(RoutingContext ctx, int status, Object json) {
    if (json instanceof JsonObject j) {
      JsonAnswers.send(ctx, status, j);
    } else if (!ctx.response().ended()) {
      ctx.response()
          .setStatusCode(status)
          .putHeader("Cache-Control", "no-store")
          .putHeader("Content-Type", "application/json")
          .end(String.valueOf(json));
    }
  }

  /** {@code {items, total, limit, offset}} of a listing whose items are already JSON. */
  static JsonObject page(Page<?> page, JsonArray items) {
    return new JsonObject()
        .put("items", items)
        .put("total", page.total())
        .put("limit", page.limit())
        .put("offset", page.offset());
  }

  /** 400 with every field error. */
  static void fieldErrors(RoutingContext ctx, Map<String, String> errors) {
    send(ctx, 400, new JsonObject().put("errors", OrderJson.errors(errors)));
  }

  /** 400 naming one field or query parameter. */
  static void badField(RoutingContext ctx, String field, String message) {
    fieldErrors(ctx, Map.of(field, message));
  }

  /** 404 with {@code what} ("no such customer"). */
  static void notFound(RoutingContext ctx, String what) {
    send(ctx, 404, new JsonObject().put("error", what));
  }

  /** 403 for an operator asking for data of someone not their caller. */
  static void forbidden(RoutingContext ctx) {
    send(ctx, 403, new JsonObject().put("error", "forbidden"));
  }

  /** See {@link JsonAnswers#body}. */
  static JsonObject body(RoutingContext ctx) {
    return JsonAnswers.body(ctx);
  }

  /**
   * Answers a failed store step: 400 for bad fields, 409 for a phone taken or an order status that
   * cannot follow (errors naming {@code status}), 404 for an unknown order, 503 when the store is
   * saturated, else 500 (logged by route, without the body).
   */
  static void failure(RoutingContext ctx, Throwable failure) {
    Throwable e =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (e instanceof ValidationException v) {
      if (v.errors().containsKey("status")) {
        send(ctx, 409, new JsonObject().put("errors", OrderJson.errors(v.errors())));
      } else {
        fieldErrors(ctx, v.errors());
      }
    } else if (e instanceof PhoneTakenException p) {
      send(
          ctx,
          409,
          new JsonObject()
              .put("errors", new JsonObject().put("phone", "is taken by another customer"))
              .put("customerId", p.customerId()));
    } else if (e instanceof OrderNotFoundException) {
      notFound(ctx, "no such order");
    } else if (e instanceof RejectedExecutionException) {
      send(ctx, 503, new JsonObject().put("error", "busy, try again"));
    } else {
      log.error("{} {} failed", ctx.request().method(), ctx.currentRoute().getPath(), e);
      send(ctx, 500, new JsonObject().put("error", "internal error"));
    }
  }
}
