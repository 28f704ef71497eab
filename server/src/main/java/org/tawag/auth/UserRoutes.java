package org.tawag.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user administration routes: {@code POST /api/users} (admin) creates a user, 201 with the
 * user, 400 {@code {errors: {field: message}}}, 409 for a taken username; {@code GET /api/users}
 * (admin, supervisor) lists users without any hash or secret.
 */
final class UserRoutes {
  private static final Logger log = LoggerFactory.getLogger(UserRoutes.class);

  private final UserStore users;
  private final Authz authz;

  UserRoutes(UserStore users, Authz authz) {
    this.users = users;
    this.authz = authz;
  }

  void mount(Router router, BodyHandler body) {
    router
        .post("/api/users")
        .handler(body)
        .handler(authz.require(Role.ADMIN))
        .handler(this::create);
    router
        .get("/api/users")
        .handler(authz.require(Role.ADMIN, Role.SUPERVISOR))
        .handler(this::list);
  }

  private void create(RoutingContext ctx) {
    JsonObject json = JsonReplies.body(ctx);
    if (json == null) {
      return;
    }
    Map<String, String> errors = new LinkedHashMap<>();
    Set<Role> roles = roles(json.getValue("roles"), errors);
    NewUser candidate =
        new NewUser(
            JsonReplies.string(json, "username"),
            JsonReplies.string(json, "displayName"),
            JsonReplies.string(json, "password"),
            roles,
            JsonReplies.string(json, "sipPassword"));
    NewUser valid = null;
    try {
      valid = candidate.validated();
    } catch (ValidationException e) {
      Map<String, String> all = new LinkedHashMap<>(e.errors());
      all.putAll(errors);
      errors = all;
    }
    if (!errors.isEmpty()) {
      JsonReplies.fieldErrors(ctx, errors);
      return;
    }
    String by = Authz.session(ctx).username();
    Future.fromCompletionStage(users.create(valid), Vertx.currentContext())
        .onSuccess(
            user -> {
              log.info("user {} created by {} with {}", user.username(), by, user.roles());
              ctx.response().putHeader("Location", "/api/users/" + user.username());
              JsonReplies.send(ctx, 201, JsonReplies.user(user));
            })
        .onFailure(e -> JsonReplies.failure(ctx, e));
  }

  /**
   * The roles of a JSON array or comma-separated string; an unknown role goes to {@code errors}, an
   * empty list is left to {@link NewUser#validated()}.
   */
  private static Set<Role> roles(Object value, Map<String, String> errors) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    try {
      if (value instanceof String s && !s.isBlank()) {
        roles.addAll(Role.parseList(s));
      } else if (value instanceof JsonArray a) {
        for (Object o : a) {
          roles.add(Role.fromCode(o instanceof String s ? s : null));
        }
      }
    } catch (IllegalArgumentException e) {
      errors.put("roles", "must be a list of operator, supervisor, admin");
      return EnumSet.noneOf(Role.class);
    }
    return roles;
  }

  private void list(RoutingContext ctx) {
    Future.fromCompletionStage(users.list(), Vertx.currentContext())
        .onSuccess(
            all -> {
              JsonArray out = new JsonArray();
              all.forEach(u -> out.add(JsonReplies.user(u)));
              JsonReplies.send(ctx, 200, new JsonObject().put("users", out));
            })
        .onFailure(e -> JsonReplies.failure(ctx, e));
  }
}
