package org.tawag.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.tawag.auth.Role;

/** {@code GET /api/audit} (admins): the audit log, newest first, optionally of one subject. */
final class AuditRoutes {
  private final Api api;

  AuditRoutes(Api api) {
    this.api = api;
  }

  void mount(Router router) {
    router.get("/api/audit").handler(api.authz().require(Role.ADMIN)).handler(this::list);
  }

  private void list(RoutingContext ctx) {
    Optional<String> subject = QueryParams.single(ctx, "subject");
    if (subject == null) {
      return;
    }
    Paging p = Paging.of(ctx);
    if (p == null) {
      return;
    }
    Api.await(
        ctx,
        api.audit().list(subject.orElse(null), p.limit(), p.offset()),
        page -> {
          JsonArray items = new JsonArray();
          for (AuditLog.Entry e : page.items()) {
            items.add(
                new JsonObject()
                    .put("id", e.id())
                    .put("at", e.at().toString())
                    .put("username", e.username())
                    .put("action", e.action())
                    .put("subject", e.subject())
                    .put("detail", e.detail()));
          }
          Replies.send(ctx, 200, Replies.page(page, items));
        });
  }
}
