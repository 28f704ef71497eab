package org.tawag.campaigns;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.tawag.api.AuditLog;
import org.tawag.auth.Authz;
import org.tawag.auth.Role;
import org.tawag.db.JdbcWorkers;

/**
 * The operator's side of preview dialing; operators only. Taking a contact shows its customer's
 * name and number to that operator, so it is written to {@code audit_log} first (ids only).
 *
 * <table>
 *   <caption>Routes</caption>
 *   <tr><td>{@code GET /api/preview/campaigns}</td><td>running preview campaigns of my queues</td></tr>
 *   <tr><td>{@code POST /api/preview/campaigns/:id/next}</td><td>200 a held contact, 204 none due</td></tr>
 *   <tr><td>{@code POST /api/preview/contacts/:contact/dial}</td><td>202: the call comes on the softphone</td></tr>
 *   <tr><td>{@code POST /api/preview/contacts/:contact/skip}</td><td>204: let go of it</td></tr>
 * </table>
 */
public final class PreviewRoutes {

  private final PreviewDesk desk;
  private final JdbcWorkers workers;
  private final AuditLog auditLog;
  private final Authz authz;

  public PreviewRoutes(PreviewDesk desk, JdbcWorkers workers, AuditLog auditLog, Authz authz) {
    this.desk = desk;
    this.workers = workers;
    this.auditLog = auditLog;
    this.authz = authz;
  }

  public void mount(Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(4096);
    var operator = authz.require(Role.OPERATOR);
    router.get("/api/preview/campaigns").handler(operator).handler(this::campaigns);
    router
        .post("/api/preview/campaigns/:id/next")
        .handler(body)
        .handler(operator)
        .handler(this::next);
    router
        .post("/api/preview/contacts/:contact/dial")
        .handler(body)
        .handler(operator)
        .handler(ctx -> act(ctx, true));
    router
        .post("/api/preview/contacts/:contact/skip")
        .handler(body)
        .handler(operator)
        .handler(ctx -> act(ctx, false));
  }

  private void campaigns(RoutingContext ctx) {
    String agent = Authz.session(ctx).username();
    Replies.reply(
        ctx,
        workers,
        auditLog,
        () -> {
          JsonArray out = new JsonArray();
          for (Campaign c : desk.campaigns(agent)) {
            out.add(
                new JsonObject()
                    .put("id", c.id())
                    .put("name", c.name())
                    .put("queue", c.queue())
                    .put("script", c.script()));
          }
          return new Replies.Reply(200, new JsonObject().put("campaigns", out));
        });
  }

  private void next(RoutingContext ctx) {
    Long id = Replies.id(ctx, "id");
    if (id == null) {
      return;
    }
    String agent = Authz.session(ctx).username();
    Replies.reply(
        ctx,
        workers,
        auditLog,
        () -> {
          try {
            return desk.next(id, agent)
                .map(
                    card ->
                        new Replies.Reply(200, card(card))
                            .audited(
                                "campaign.preview",
                                "contact:" + card.contact().id(),
                                "campaign " + id))
                .orElse(new Replies.Reply(204, null));
          } catch (PreviewDesk.Refused e) {
            return refused(e);
          }
        });
  }

  private void act(RoutingContext ctx, boolean dial) {
    Long contact = Replies.id(ctx, "contact");
    if (contact == null) {
      return;
    }
    String agent = Authz.session(ctx).username();
    Replies.reply(
        ctx,
        workers,
        auditLog,
        () -> {
          try {
            if (dial) {
              desk.dial(contact, agent);
              return new Replies.Reply(202, new JsonObject().put("contactId", contact));
            }
            desk.skip(contact, agent);
            return new Replies.Reply(204, null);
          } catch (PreviewDesk.Refused e) {
            return refused(e);
          }
        });
  }

  private static Replies.Reply refused(PreviewDesk.Refused e) {
    return new Replies.Reply(e.status(), new JsonObject().put("error", e.getMessage()));
  }

  private static JsonObject card(PreviewDesk.Card card) {
    Contact k = card.contact();
    Campaign c = card.campaign();
    return new JsonObject()
        .put("contactId", k.id())
        .put(
            "campaign",
            new JsonObject().put("id", c.id()).put("name", c.name()).put("script", c.script()))
        .put(
            "customer",
            new JsonObject()
                .put("id", k.customerId())
                .put("fullName", card.fullName())
                .put("phone", k.phone())
                .put("timeZone", k.zone().orElse(c.zone()).getId()))
        .put("attempts", k.attempts())
        .put("maxAttempts", c.retries().maxAttempts())
        .put("lastResult", k.lastResult().map(DialOutcome::code).orElse(null))
        .put(
            "callbackAt",
            k.state() == Contact.State.CALLBACK
                ? k.due().map(Object::toString).orElse(null)
                : null);
  }
}
