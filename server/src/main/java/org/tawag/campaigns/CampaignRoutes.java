package org.tawag.campaigns;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tawag.api.AuditLog;
import org.tawag.auth.Authz;
import org.tawag.auth.Role;
import org.tawag.db.JdbcWorkers;
import org.tawag.orders.OrderSettings;
import org.tawag.orders.PhoneNumbers;
import org.tawag.orders.ValidationException;

/**
 * The campaign API: campaigns, their target lists, progress, contacts and dial attempts, and the
 * do-not-call list. Supervisors and admins only: operators meet campaign customers on their calls,
 * never as lists. Reads of contacts (names and numbers), target lists added, status changes and
 * changes of the do-not-call list are written to {@code audit_log} before the answer goes out, with
 * ids and counts, never the personal data itself.
 *
 * <table>
 *   <caption>Routes</caption>
 *   <tr><td>{@code POST /api/campaigns}</td><td>201 a new draft campaign; 400 field errors</td></tr>
 *   <tr><td>{@code GET /api/campaigns}</td><td>campaigns with contacts per state</td></tr>
 *   <tr><td>{@code GET /api/campaigns/:id}</td><td>one campaign</td></tr>
 *   <tr><td>{@code POST /api/campaigns/:id/start|pause|finish}</td><td>its new status</td></tr>
 *   <tr><td>{@code POST /api/campaigns/:id/contacts}</td><td>adds a target list</td></tr>
 *   <tr><td>{@code GET /api/campaigns/:id/contacts}</td><td>contacts, a page at a time</td></tr>
 *   <tr><td>{@code GET /api/campaigns/:id/contacts/:contact/attempts}</td><td>its dials</td></tr>
 *   <tr><td>{@code GET|POST /api/dnc}, {@code DELETE /api/dnc/:phone}</td><td>the list</td></tr>
 * </table>
 */
public final class CampaignRoutes {
  private static final int BODY_LIMIT = 4 * 1024 * 1024;

  private final JdbcCampaigns store;
  private final JdbcWorkers workers;
  private final AuditLog auditLog;
  private final Authz authz;
  private final Set<String> queues;
  private final Set<String> trunks;
  private final OrderSettings settings;
  private final Clock clock;

  public CampaignRoutes(
      JdbcCampaigns store,
      JdbcWorkers workers,
      AuditLog auditLog,
      Authz authz,
      Set<String> queues,
      Set<String> trunks,
      OrderSettings settings,
      Clock clock) {
    this.store = store;
    this.workers = workers;
    this.auditLog = auditLog;
    this.authz = authz;
    this.queues = Set.copyOf(queues);
    this.trunks = Set.copyOf(trunks);
    this.settings = settings;
    this.clock = clock;
  }

  public void mount(Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
    var staff = authz.require(Role.SUPERVISOR, Role.ADMIN);
    router.post("/api/campaigns").handler(body).handler(staff).handler(this::create);
    router.get("/api/campaigns").handler(staff).handler(this::list);
    router.get("/api/campaigns/:id").handler(staff).handler(this::one);
    for (String action : new String[] {"start", "pause", "finish"}) {
      router
          .post("/api/campaigns/:id/" + action)
          .handler(body)
          .handler(staff)
          .handler(ctx -> status(ctx, action));
    }
    router.post("/api/campaigns/:id/contacts").handler(body).handler(staff).handler(this::add);
    router.get("/api/campaigns/:id/contacts").handler(staff).handler(this::contacts);
    router
        .get("/api/campaigns/:id/contacts/:contact/attempts")
        .handler(staff)
        .handler(this::attempts);
    router.get("/api/dnc").handler(staff).handler(this::dncList);
    router.post("/api/dnc").handler(body).handler(staff).handler(this::dncAdd);
    router.delete("/api/dnc/:phone").handler(authz.require(Role.ADMIN)).handler(this::dncRemove);
  }

  private void create(RoutingContext ctx) {
    JsonObject json = Replies.body(ctx);
    if (json == null) {
      return;
    }
    CampaignDraft draft;
    try {
      draft = CampaignJson.draft(json, queues, trunks);
    } catch (ValidationException e) {
      Replies.fieldErrors(ctx, e.errors());
      return;
    }
    String by = Authz.session(ctx).username();
    Replies.reply(
        ctx,
        workers,
        auditLog,
        () -> {
          if (store.nameTaken(draft.name())) {
            return new Replies.Reply(
                409, Replies.error("name", "a campaign with this name exists"));
          }
          Campaign c = store.create(draft, by, clock.instant());
          return new Replies.Reply(201, CampaignJson.campaign(c, Map.of()))
              .audited("campaign.create", "campaign:" + c.id(), c.name());
        });
  }

  private void list(RoutingContext ctx) {
    Replies.reply(
        ctx,
        workers,
        auditLog,
        () -> {
          JsonArray out = new JsonArray();
          for (Campaign c : store.list()) {
            out.add(CampaignJson.campaign(c, store.progress(c.id())));
          }
          return new Replies.Reply(200, new JsonObject().put("campaigns", out));
        });
  }

  private void one(RoutingContext ctx) {
    Long id = Replies.id(ctx, "id");
    if (id == null) {
      return;
    }
    Replies.reply(
        ctx,
        workers,
        auditLog,
        () ->
            store
                .find(id)
                .map(c -> new Replies.Reply(200, CampaignJson.campaign(c, progress(id))))
                .orElse(Replies.notFound("campaign")));
  }

  private Map<String, Integer> progress(long id) {
    try {
      return store.progress(id);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void status(RoutingContext ctx, String action) {
    Long id = Replies.id(ctx, "id");
    if (id == null) {
      return;
    }
    Campaign.Status to =
        switch (action) {
          case "start" -> Campaign.Status.RUNNING;
          case "pause" -> Campaign.Status.PAUSED;
          default -> Campaign.Status.FINISHED;
        };
    Replies.reply(
        ctx,
        workers,
        auditLog,
        () -> {
          Optional<Campaign> c = store.find(id);
          if (c.isEmpty()) {
            return Replies.notFound("campaign");
          }
          if (c.get().status() == Campaign.Status.FINISHED) {
            return new Replies.Reply(409, Replies.error("status", "the campaign is finished"));
          }
          store.setStatus(id, to, clock.instant());
          return new Replies.Reply(
                  200, CampaignJson.campaign(store.find(id).orElseThrow(), store.progress(id)))
              .audited("campaign.status", "campaign:" + id, to.code());
        });
  }

  private void add(RoutingContext ctx) {
    Long id = Replies.id(ctx, "id");
    JsonObject json = id == null ? null : Replies.body(ctx);
    if (json == null) {
      return;
    }
    CampaignJson.Targets targets;
    try {
      targets =
          CampaignJson.targets(
              json, settings.defaultCountryCode(), new HashSet<>(settings.refusalReasons()));
    } catch (ValidationException e) {
      Replies.fieldErrors(ctx, e.errors());
      return;
    }
    Replies.reply(
        ctx,
        workers,
        auditLog,
        () -> {
          if (store.find(id).isEmpty()) {
            return Replies.notFound("campaign");
          }
          Instant now = clock.instant();
          JdbcCampaigns.Added added;
          if (targets instanceof CampaignJson.Targets.Imported i) {
            added = store.addImported(id, i.contacts(), now);
          } else if (targets instanceof CampaignJson.Targets.Customers cs) {
            try {
              added = store.addCustomers(id, cs.ids(), now);
            } catch (JdbcCampaigns.UnknownCustomerException e) {
              return new Replies.Reply(400, Replies.error("customerIds", "no customer " + e.id()));
            }
          } else {
            CampaignJson.Targets.Refused r = (CampaignJson.Targets.Refused) targets;
            added = store.addRefusals(id, r.reason(), r.since(), now);
          }
          return new Replies.Reply(
                  200,
                  new JsonObject().put("added", added.added()).put("alreadyIn", added.alreadyIn()))
              .audited(
                  "campaign.contacts.add",
                  "campaign:" + id,
                  added.added() + " added, " + added.alreadyIn() + " already in");
        });
  }

  private void contacts(RoutingContext ctx) {
    Long id = Replies.id(ctx, "id");
    int[] page = id == null ? null : Replies.page(ctx);
    if (page == null) {
      return;
    }
    Replies.reply(
        ctx,
        workers,
        auditLog,
        () -> {
          if (store.find(id).isEmpty()) {
            return Replies.notFound("campaign");
          }
          JsonArray out = new JsonArray();
          store.contactRows(id, page[0], page[1]).forEach(k -> out.add(CampaignJson.contact(k)));
          return new Replies.Reply(
                  200,
                  new JsonObject()
                      .put("contacts", out)
                      .put("limit", page[0])
                      .put("offset", page[1]))
              .audited(
                  "campaign.contacts.read",
                  "campaign:" + id,
                  out.size() + " contacts from offset " + page[1]);
        });
  }

  private void attempts(RoutingContext ctx) {
    Long id = Replies.id(ctx, "id");
    Long contact = id == null ? null : Replies.id(ctx, "contact");
    if (contact == null) {
      return;
    }
    Replies.reply(
        ctx,
        workers,
        auditLog,
        () -> {
          Optional<Contact> k = store.contact(contact);
          if (k.isEmpty() || k.get().campaignId() != id) {
            return Replies.notFound("contact");
          }
          JsonArray out = new JsonArray();
          store.attempts(contact).forEach(a -> out.add(CampaignJson.attempt(a)));
          return new Replies.Reply(200, new JsonObject().put("attempts", out));
        });
  }

  private void dncList(RoutingContext ctx) {
    int[] page = Replies.page(ctx);
    if (page == null) {
      return;
    }
    Replies.reply(
        ctx,
        workers,
        auditLog,
        () -> {
          JsonArray out = new JsonArray();
          for (JdbcCampaigns.DoNotCall d : store.doNotCallList(page[0], page[1])) {
            out.add(
                new JsonObject()
                    .put("phone", d.phone())
                    .put("addedAt", d.addedAt().toString())
                    .put("addedBy", d.addedBy())
                    .put("source", d.source()));
          }
          return new Replies.Reply(200, new JsonObject().put("numbers", out))
              .audited("dnc.read", "do_not_call", out.size() + " numbers from offset " + page[1]);
        });
  }

  private void dncAdd(RoutingContext ctx) {
    JsonObject json = Replies.body(ctx);
    if (json == null) {
      return;
    }
    Optional<String> phone = phone(json.getValue("phone"));
    if (phone.isEmpty()) {
      Replies.fieldErrors(
          ctx, Map.of("phone", "is not a phone number (E.164 such as +639171234567)"));
      return;
    }
    Object s = json.getValue("source");
    String source = s instanceof String t && !t.isBlank() ? t.strip() : "added by hand";
    String by = Authz.session(ctx).username();
    Replies.reply(
        ctx,
        workers,
        auditLog,
        () -> {
          boolean added = store.addDoNotCall(phone.get(), by, source, clock.instant());
          return new Replies.Reply(added ? 201 : 200, new JsonObject().put("phone", phone.get()))
              .audited("dnc.add", "do_not_call", added ? "added" : "already listed");
        });
  }

  private void dncRemove(RoutingContext ctx) {
    Optional<String> phone = phone(ctx.pathParam("phone"));
    if (phone.isEmpty()) {
      Replies.fieldErrors(
          ctx, Map.of("phone", "is not a phone number (E.164 such as +639171234567)"));
      return;
    }
    Replies.reply(
        ctx,
        workers,
        auditLog,
        () -> {
          if (!store.removeDoNotCall(phone.get())) {
            return Replies.notFound("number");
          }
          return new Replies.Reply(204, null).audited("dnc.remove", "do_not_call", "removed");
        });
  }

  private Optional<String> phone(Object value) {
    return value instanceof String s
        ? PhoneNumbers.normalise(s, settings.defaultCountryCode())
        : Optional.empty();
  }
}
