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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user administration routes, none of which ever shows a hash or secret:
 *
 * <ul>
 *   <li>{@code POST /api/users} (admin) creates a user: 201 with the user, 400 {@code {errors:
 *       {field: message}}}, 409 for a taken username;
 *   <li>{@code GET /api/users} (admin, supervisor) lists users;
 *   <li>{@code PATCH /api/users/:username} (admin) changes any of {@code enabled}, {@code roles},
 *       {@code password}, {@code sipPassword} (null removes the phone): 200 with the user, 400,
 *       404; the user's sessions end, so a disabled user or a withdrawn role takes effect at once.
 *       Admins cannot disable themselves or drop their own admin role (no lock-out by mistake).
 * </ul>
 */
final class UserRoutes {
  private static final Logger log = LoggerFactory.getLogger(UserRoutes.class);

  private final UserStore users;
  private final Sessions sessions;
  private final Authz authz;

  UserRoutes(UserStore users, Sessions sessions, Authz authz) {
    this.users = users;
    this.sessions = sessions;
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
    router
        .patch("/api/users/:username")
        .handler(body)
        .handler(authz.require(Role.ADMIN))
        .handler(this::change);
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

  private void change(RoutingContext ctx) {
    JsonObject json = JsonReplies.body(ctx);
    if (json == null) {
      return;
    }
    String username = UserRules.normalizeUsername(ctx.pathParam("username"));
    Map<String, String> errors = new LinkedHashMap<>();
    Object enabled = json.getValue("enabled");
    if (json.containsKey("enabled") && !(enabled instanceof Boolean)) {
      errors.put("enabled", "must be true or false");
    }
    Set<Role> roles = null;
    if (json.containsKey("roles")) {
      roles = roles(json.getValue("roles"), errors);
      if (roles.isEmpty()) {
        errors.putIfAbsent("roles", "must name at least one of operator, supervisor, admin");
      }
    }
    String password = JsonReplies.string(json, "password");
    if (json.containsKey("password")) {
      putProblem(errors, "password", UserRules.passwordProblem(password));
    }
    String sipPassword = JsonReplies.string(json, "sipPassword");
    if (json.containsKey("sipPassword") && json.getValue("sipPassword") != null) {
      putProblem(errors, "sipPassword", UserRules.passwordProblem(sipPassword));
    }
    if (username.equals(Authz.session(ctx).username())) {
      if (Boolean.FALSE.equals(enabled)) {
        errors.put("enabled", "cannot disable yourself");
      }
      if (roles != null && !roles.contains(Role.ADMIN)) {
        errors.put("roles", "cannot drop your own admin role");
      }
    }
    if (errors.isEmpty() && json.isEmpty()) {
      errors.put("body", "must change enabled, roles, password or sipPassword");
    }
    if (!errors.isEmpty()) {
      JsonReplies.fieldErrors(ctx, errors);
      return;
    }
    Set<Role> newRoles = roles;
    CompletableFuture<Boolean> found = users.find(username).thenApply(Optional::isPresent);
    if (enabled instanceof Boolean b) {
      found = and(found, () -> users.setEnabled(username, b));
    }
    if (newRoles != null) {
      found = and(found, () -> users.setRoles(username, newRoles));
    }
    if (password != null) {
      found = and(found, () -> users.setPassword(username, password));
    }
    if (json.containsKey("sipPassword")) {
      found = and(found, () -> users.setSipPassword(username, sipPassword));
    }
    String by = Authz.session(ctx).username();
    CompletableFuture<Optional<User>> changed =
        found.thenCompose(
            ok -> ok ? users.find(username) : CompletableFuture.completedFuture(Optional.empty()));
    Future.fromCompletionStage(changed, Vertx.currentContext())
        .onSuccess(
            user -> {
              if (user.isEmpty()) {
                JsonReplies.send(ctx, 404, new JsonObject().put("error", "no such user"));
                return;
              }
              // Sessions hold the roles of their login: end them so the change holds at once.
              sessions.invalidateUser(username);
              log.info("user {} changed by {}: {}", username, by, json.fieldNames());
              JsonReplies.send(ctx, 200, JsonReplies.user(user.get()));
            })
        .onFailure(e -> JsonReplies.failure(ctx, e));
  }

  /** Runs {@code next} only if the steps so far found the user. */
  private static CompletableFuture<Boolean> and(
      CompletableFuture<Boolean> soFar, Supplier<CompletableFuture<Boolean>> next) {
    return soFar.thenCompose(ok -> ok ? next.get() : CompletableFuture.completedFuture(false));
  }

  private static void putProblem(Map<String, String> errors, String field, String problem) {
    if (problem != null) {
      errors.put(field, problem);
    }
  }
}
