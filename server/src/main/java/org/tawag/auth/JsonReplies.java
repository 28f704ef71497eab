package org.tawag.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.http.JsonAnswers;

/** The JSON bodies and error answers shared by the auth routes. */
final class JsonReplies {
  private static final Logger log = LoggerFactory.getLogger(JsonReplies.class);

  private JsonReplies() {}

  /** See {@link JsonAnswers#body}. */
  static JsonObject body(RoutingContext ctx) {
    return JsonAnswers.body(ctx);
  }

  /** The string at {@code field}, or {@code null} when absent or not a string. */
  static String string(JsonObject json, String field) {
    Object v = json.getValue(field);
    return v instanceof String s ? s : null;
  }

  /** 400 with {@code {"errors": {field: message}}}. */
  static void fieldErrors(RoutingContext ctx, Map<String, String> errors) {
    JsonAnswers.fieldErrors(ctx, errors);
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
    JsonAnswers.send(ctx, status, json);
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
