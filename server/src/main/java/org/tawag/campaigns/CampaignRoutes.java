package org.tawag.campaigns;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.auth.Authz;
import org.tawag.auth.Role;
import org.tawag.db.JdbcWorkers;
import org.tawag.orders.FieldErrors;
import org.tawag.orders.OrderSettings;
import org.tawag.orders.PhoneNumbers;
import org.tawag.orders.ValidationException;

/**
 * The campaign API: campaigns, their target lists, progress, contacts and dial attempts, and the
 * do-not-call list. Supervisors and admins only: operators meet campaign customers on their calls,
 * never as lists. Reads of contacts (names and numbers) and changes of the do-not-call list are
 * written to the {@code tawag.audit} log with the user name, never the personal data itself.
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
  private static final Logger log = LoggerFactory.getLogger(CampaignRoutes.class);
  private static final Logger audit = LoggerFactory.getLogger("tawag.audit");
  private static final int BODY_LIMIT = 4 * 1024 * 1024;
  private static final int MAX_PAGE = 500;

  private final JdbcCampaigns store;
  private final JdbcWorkers workers;
  private final Authz authz;
  private final Set<String> queues;
  private final Set<String> trunks;
  private final OrderSettings settings;
  private final Clock clock;

  public CampaignRoutes(
      JdbcCampaigns store,
      JdbcWorkers workers,
      Authz authz,
      Set<String> queues,
      Set<String> trunks,
      OrderSettings settings,
      Clock clock) {
    this.store = store;
    this.workers = workers;
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
    JsonObject json = body(ctx);
    if (json == null) {
      return;
    }
    CampaignDraft draft;
    try {
      draft = CampaignJson.draft(json, queues, trunks);
    } catch (ValidationException e) {
      fieldErrors(ctx, e.errors());
      return;
    }
    String by = Authz.session(ctx).username();
    reply(
        ctx,
        () -> {
          if (store.nameTaken(draft.name())) {
            return new Reply(409, error("name", "a campaign with this name exists"));
          }
          Campaign c = store.create(draft, by, clock.instant());
          audit.info("{} created campaign {}", by, c.id());
          return new Reply(201, CampaignJson.campaign(c, Map.of()));
        });
  }

  private void list(RoutingContext ctx) {
    reply(
        ctx,
        () -> {
          JsonArray out = new JsonArray();
          for (Campaign c : store.list()) {
            out.add(CampaignJson.campaign(c, store.progress(c.id())));
          }
          return new Reply(200, new JsonObject().put("campaigns", out));
        });
  }

  private void one(RoutingContext ctx) {
    Long id = id(ctx, "id");
    if (id == null) {
      return;
    }
    reply(
        ctx,
        () ->
            store
                .find(id)
                .map(c -> new Reply(200, CampaignJson.campaign(c, progress(id))))
                .orElse(notFound("campaign")));
  }

  private Map<String, Integer> progress(long id) {
    try {
      return store.progress(id);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void status(RoutingContext ctx, String action) {
    Long id = id(ctx, "id");
    if (id == null) {
      return;
    }
    Campaign.Status to =
        switch (action) {
          case "start" -> Campaign.Status.RUNNING;
          case "pause" -> Campaign.Status.PAUSED;
          default -> Campaign.Status.FINISHED;
        };
    String by = Authz.session(ctx).username();
    reply(
        ctx,
        () -> {
          Optional<Campaign> c = store.find(id);
          if (c.isEmpty()) {
            return notFound("campaign");
          }
          if (c.get().status() == Campaign.Status.FINISHED) {
            return new Reply(409, error("status", "the campaign is finished"));
          }
          store.setStatus(id, to, clock.instant());
          audit.info("{} set campaign {} {}", by, id, to.code());
          return new Reply(
              200, CampaignJson.campaign(store.find(id).orElseThrow(), store.progress(id)));
        });
  }

  private void add(RoutingContext ctx) {
    Long id = id(ctx, "id");
    JsonObject json = id == null ? null : body(ctx);
    if (json == null) {
      return;
    }
    CampaignJson.Targets targets;
    try {
      targets =
          CampaignJson.targets(
              json, settings.defaultCountryCode(), new HashSet<>(settings.refusalReasons()));
    } catch (ValidationException e) {
      fieldErrors(ctx, e.errors());
      return;
    }
    String by = Authz.session(ctx).username();
    reply(
        ctx,
        () -> {
          if (store.find(id).isEmpty()) {
            return notFound("campaign");
          }
          Instant now = clock.instant();
          JdbcCampaigns.Added added;
          if (targets instanceof CampaignJson.Targets.Imported i) {
            added = store.addImported(id, i.contacts(), now);
          } else if (targets instanceof CampaignJson.Targets.Customers cs) {
            try {
              added = store.addCustomers(id, cs.ids(), now);
            } catch (JdbcCampaigns.UnknownCustomerException e) {
              return new Reply(400, error("customerIds", "no customer " + e.id()));
            }
          } else {
            CampaignJson.Targets.Refused r = (CampaignJson.Targets.Refused) targets;
            added = store.addRefusals(id, r.reason(), r.since(), now);
          }
          audit.info("{} added {} contacts to campaign {}", by, added.added(), id);
          return new Reply(
              200,
              new JsonObject().put("added", added.added()).put("alreadyIn", added.alreadyIn()));
        });
  }

  private void contacts(RoutingContext ctx) {
    Long id = id(ctx, "id");
    int[] page = id == null ? null : page(ctx);
    if (page == null) {
      return;
    }
    String by = Authz.session(ctx).username();
    reply(
        ctx,
        () -> {
          if (store.find(id).isEmpty()) {
            return notFound("campaign");
          }
          JsonArray out = new JsonArray();
          store.contactRows(id, page[0], page[1]).forEach(k -> out.add(CampaignJson.contact(k)));
          audit.info("{} read {} contacts of campaign {} (offset {})", by, out.size(), id, page[1]);
          return new Reply(
              200,
              new JsonObject().put("contacts", out).put("limit", page[0]).put("offset", page[1]));
        });
  }

  private void attempts(RoutingContext ctx) {
    Long id = id(ctx, "id");
    Long contact = id == null ? null : id(ctx, "contact");
    if (contact == null) {
      return;
    }
    reply(
        ctx,
        () -> {
          Optional<Contact> k = store.contact(contact);
          if (k.isEmpty() || k.get().campaignId() != id) {
            return notFound("contact");
          }
          JsonArray out = new JsonArray();
          store.attempts(contact).forEach(a -> out.add(CampaignJson.attempt(a)));
          return new Reply(200, new JsonObject().put("attempts", out));
        });
  }

  private void dncList(RoutingContext ctx) {
    int[] page = page(ctx);
    if (page == null) {
      return;
    }
    String by = Authz.session(ctx).username();
    reply(
        ctx,
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
          audit.info("{} read {} do-not-call numbers (offset {})", by, out.size(), page[1]);
          return new Reply(200, new JsonObject().put("numbers", out));
        });
  }

  private void dncAdd(RoutingContext ctx) {
    JsonObject json = body(ctx);
    if (json == null) {
      return;
    }
    Optional<String> phone = phone(json.getValue("phone"));
    if (phone.isEmpty()) {
      fieldErrors(ctx, Map.of("phone", "is not a phone number (E.164 such as +639171234567)"));
      return;
    }
    Object s = json.getValue("source");
    String source = s instanceof String t && !t.isBlank() ? t.strip() : "added by hand";
    String by = Authz.session(ctx).username();
    reply(
        ctx,
        () -> {
          boolean added = store.addDoNotCall(phone.get(), by, source, clock.instant());
          audit.info("{} added a number to the do-not-call list", by);
          return new Reply(added ? 201 : 200, new JsonObject().put("phone", phone.get()));
        });
  }

  private void dncRemove(RoutingContext ctx) {
    Optional<String> phone = phone(ctx.pathParam("phone"));
    if (phone.isEmpty()) {
      fieldErrors(ctx, Map.of("phone", "is not a phone number (E.164 such as +639171234567)"));
      return;
    }
    String by = Authz.session(ctx).username();
    reply(
        ctx,
        () -> {
          if (!store.removeDoNotCall(phone.get())) {
            return notFound("number");
          }
          audit.info("{} removed a number from the do-not-call list", by);
          return new Reply(204, null);
        });
  }

  private Optional<String> phone(Object value) {
    return value instanceof String s
        ? PhoneNumbers.normalise(s, settings.defaultCountryCode())
        : Optional.empty();
  }

  // ---- plumbing ----

  private record Reply(int status, JsonObject json) {}

  private interface Work {
    Reply run() throws Exception;
  }

  /** Runs {@code work} on a JDBC worker and answers with its reply; 503 when the store fails. */
  private void reply(RoutingContext ctx, Work work) {
    Future.fromCompletionStage(workers.submit(work::run), Vertx.currentContext())
        .onSuccess(r -> send(ctx, r.status(), r.json()))
        .onFailure(
            e -> {
              log.warn(
                  "campaign API {} failed: {}", ctx.normalizedPath(), e.getClass().getSimpleName());
              send(ctx, 503, new JsonObject().put("error", "the store is unavailable; try again"));
            });
  }

  private static Reply notFound(String what) {
    return new Reply(404, new JsonObject().put("error", "no such " + what));
  }

  private static JsonObject error(String field, String message) {
    return new JsonObject().put("errors", new JsonObject().put(field, message));
  }

  private static Long id(RoutingContext ctx, String param) {
    String v = ctx.pathParam(param);
    if (v != null && v.matches("[1-9][0-9]{0,17}")) {
      return Long.parseLong(v);
    }
    send(ctx, 404, new JsonObject().put("error", "no such " + param));
    return null;
  }

  /** {@code limit} (1..500, default 100) and {@code offset} (default 0); null after a 400. */
  private static int[] page(RoutingContext ctx) {
    FieldErrors errors = new FieldErrors();
    int limit = param(ctx, "limit", 100, 1, MAX_PAGE, errors);
    int offset = param(ctx, "offset", 0, 0, Integer.MAX_VALUE, errors);
    if (!errors.isEmpty()) {
      fieldErrors(ctx, errors.asMap());
      return null;
    }
    return new int[] {limit, offset};
  }

  private static int param(
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

  private static JsonObject body(RoutingContext ctx) {
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

  private static void fieldErrors(RoutingContext ctx, Map<String, String> errors) {
    JsonObject fields = new JsonObject();
    errors.forEach(fields::put);
    send(ctx, 400, new JsonObject().put("errors", fields));
  }

  private static void send(RoutingContext ctx, int status, JsonObject json) {
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
