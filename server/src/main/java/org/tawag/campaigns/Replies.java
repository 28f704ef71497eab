package org.tawag.campaigns;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.api.AuditLog;
import org.tawag.auth.Authz;
import org.tawag.db.JdbcWorkers;
import org.tawag.http.JsonAnswers;
import org.tawag.orders.FieldErrors;

/** JSON bodies, path and page parameters, and answers shared by the campaign routes. */
final class Replies {
  private static final Logger log = LoggerFactory.getLogger(Replies.class);
  private static final int MAX_PAGE = 500;

  private Replies() {}

  /**
   * An answer, and the audit entry to write before it goes out (personal data read, a list
   * changed), or none.
   */
  record Reply(int status, JsonObject json, Audit audit) {
    Reply(int status, JsonObject json) {
      this(status, json, null);
    }

    /** This answer, audited as {@code action} on {@code subject}. */
    Reply audited(String action, String subject, String detail) {
      return new Reply(status, json, new Audit(action, subject, detail));
    }
  }

  /** An {@code audit_log} entry: never personal data in it, only ids and counts. */
  record Audit(String action, String subject, String detail) {}

  interface Work {
    Reply run() throws Exception;
  }

  /**
   * Runs {@code work} on a JDBC worker and answers with its reply, after writing its audit entry as
   * the session's user; 503 when the store (or the audit log) fails, so no audited read goes out
   * unrecorded.
   */
  static void reply(RoutingContext ctx, JdbcWorkers workers, AuditLog audit, Work work) {
    String user = Authz.session(ctx).username();
    CompletableFuture<Reply> answered =
        workers
            .submit(work::run)
            .thenCompose(
                r ->
                    r.audit() == null
                        ? CompletableFuture.completedFuture(r)
                        : audit
                            .record(
                                user, r.audit().action(), r.audit().subject(), r.audit().detail())
                            .thenApply(v -> r));
    Future.fromCompletionStage(answered, Vertx.currentContext())
        .onSuccess(r -> send(ctx, r.status(), r.json()))
        .onFailure(
            e -> {
              log.warn(
                  "campaign API {} failed: {}", ctx.normalizedPath(), e.getClass().getSimpleName());
              send(ctx, 503, new JsonObject().put("error", "the store is unavailable; try again"));
            });
  }

  static Reply notFound(String what) {
    return new Reply(404, new JsonObject().put("error", "no such " + what));
  }

  static JsonObject error(String field, String message) {
    return new JsonObject().put("errors", new JsonObject().put(field, message));
  }

  static Long id(RoutingContext ctx, String param) {
    String v = ctx.pathParam(param);
    if (v != null && v.matches("[1-9][0-9]{0,17}")) {
      return Long.parseLong(v);
    }
    send(ctx, 404, new JsonObject().put("error", "no such " + param));
    return null;
  }

  /** {@code limit} (1..500, default 100) and {@code offset} (default 0); null after a 400. */
  static int[] page(RoutingContext ctx) {
    FieldErrors errors = new FieldErrors();
    int limit = param(ctx, "limit", 100, 1, MAX_PAGE, errors);
    int offset = param(ctx, "offset", 0, 0, Integer.MAX_VALUE, errors);
    if (!errors.isEmpty()) {
      fieldErrors(ctx, errors.asMap());
      return null;
    }
    return new int[] {limit, offset};
  }

  static int param(
      RoutingContext ctx, String name, int dflt, int min, int max, FieldErrors errors) {
    String v = ctx.queryParams().get(name);
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(name, "must be a whole number from " + min + " to " + max);
    return dflt;
  }

  static JsonObject body(RoutingContext ctx) {
    return JsonAnswers.body(ctx);
  }

  static void fieldErrors(RoutingContext ctx, Map<String, String> errors) {
    JsonAnswers.fieldErrors(ctx, errors);
  }

  static void send(RoutingContext ctx, int status, JsonObject json) {
    JsonAnswers.send(ctx, status, json);
  }
}
