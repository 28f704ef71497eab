package org.tawag.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON plumbing every REST route shares: reading a JSON body, field errors ({@code 400
 * {"errors": {field: message}}}) and answers that are never cached.
 */
public final class JsonAnswers {
  private JsonAnswers() {}

  /**
   * The request body as a JSON object, or {@code null} after answering itself: 415 for another
   * content type (a cross-site HTML form cannot send JSON, one more wall against CSRF), 400 naming
   * {@code body} for something that is not a JSON object.
   */
  public static JsonObject body(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
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

  /** 400 with {@code {"errors": {field: message}}}. */
  public static void fieldErrors(RoutingContext ctx, Map<String, String> errors) {
    JsonObject fields = new JsonObject();
    errors.forEach(fields::put);
    send(ctx, 400, new JsonObject().put("errors", fields));
  }

  /** Answers {@code status} with {@code json} (no body when null), never cached. */
  public static void send(RoutingContext ctx, int status, JsonObject json) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(status).putHeader("Cache-Control", "no-store");
    if (json == null) {
      ctx.response().end();
    } else {
      ctx.response().putHeader("Content-Type", "application/json").end(json.encode());
    }
  }
}
