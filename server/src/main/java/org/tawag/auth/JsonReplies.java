package org.tawag.auth;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JSON bodies and error answers shared by the auth routes. */
final class JsonReplies {
  private static final Logger log = LoggerFactory.getLogger(JsonReplies.class);

  private JsonReplies() {}

  /** The request body as a JSON object, or {@code null} after answering 400 or 415 itself. */
  static JsonObject body(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    // Only JSON: a cross-site HTML form cannot send it, one more wall against CSRF.
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      send(ctx, 415, new JsonObject().put("error", "Content-Type must be application/json"));
      return null;
    }
    try {
      JsonObject json = ctx.body().asJsonObject();
      if (json != null) {
        return json;
      }
    } catch (DecodeException | ClassCastException e) {
      // answered below
    }
    fieldErrors(ctx, Map.of("body", "must be a JSON object"));
    return null;
  }

  /** The string at {@code field}, or {@code null} when absent or not a string. */
  static String string(JsonObject json, String field) {
    Object v = json.getValue(field);
    return v instanceof String s ? s : null;
  }

  /** 400 with {@code {"errors": {field: message}}}. */
  static void fieldErrors(RoutingContext ctx, Map<String, String> errors) {
    JsonObject fields = new JsonObject();
    errors.forEach(fields::put);
    send(ctx, 400, new JsonObject().put("errors", fields));
  }

  /** {@code user} as the API shows it: never a hash or a SIP secret. */
  static JsonObject user(User user) {
    JsonArray roles = new JsonArray();
    user.roles().forEach(r -> roles.add(r.code()));
    return new JsonObject()
        .put("username", user.username())
        .put("displayName", user.displayName())
        .put("roles", roles)
        .put("enabled", user.enabled())
        .put("sipPhone", user.hasSipPhone())
        .put("createdAt", user.createdAt().toString())
        .put("passwordChangedAt", user.passwordChangedAt().toString());
  }

  /** Answers {@code status} with {@code json}, never cached. */
  static void send(RoutingContext ctx, int status, JsonObject json) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("Cache-Control", "no-store")
        .putHeader("Content-Type", "application/json")
        .end(json.encode());
  }

  /**
   * Answers a failed store or hashing step: 400 for bad fields, 409 for a taken username, 503 when
   * the workers are saturated, else 500 (logged without the request body).
   */
  static void failure(RoutingContext ctx, Throwable failure) {
    Throwable e =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (e instanceof ValidationException v) {
      fieldErrors(ctx, v.errors());
    } else if (e instanceof UsernameTakenException) {
      send(
          ctx,
          409,
          new JsonObject()
              .put("error", "username taken")
              .put("errors", new JsonObject().put("username", "is taken")));
    } else if (e instanceof RejectedExecutionException) {
      send(ctx, 503, new JsonObject().put("error", "busy, try again"));
    } else {
      log.error("{} {} failed", ctx.request().method(), ctx.normalizedPath(), e);
      send(ctx, 500, new JsonObject().put("error", "internal error"));
    }
  }
}
