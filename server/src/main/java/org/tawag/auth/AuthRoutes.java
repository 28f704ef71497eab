package org.tawag.auth;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The login routes and the user routes on a Vert.x Web router:
 *
 * <ul>
 *   <li>{@code POST /api/login} {@code {username, password}}: 200 {@code {username, displayName,
 *       roles}} and the session cookie; 401 for a bad username or password alike; 400 naming a
 *       missing field; 429 while the username is locked by failures;
 *   <li>{@code POST /api/logout}: 204, the session ended and the cookie cleared;
 *   <li>{@code GET /api/me}: the session's user; 401 without one;
 *   <li>{@code POST /api/me/password} {@code {currentPassword, newPassword}}: 204, every other
 *       session of the user ended and a new cookie set;
 *   <li>{@code POST /api/users}, {@code GET /api/users}, {@code PATCH /api/users/:username}: see
 *       {@code UserRoutes}.
 * </ul>
 *
 * <p>bcrypt runs in {@code executeBlocking} and JDBC on the store's workers; answers are written
 * back on the request's event loop.
 */
public final class AuthRoutes {
  private static final Logger log = LoggerFactory.getLogger(AuthRoutes.class);
  private static final long BODY_LIMIT = 16 * 1024;
  private static final String BAD_CREDENTIALS = "invalid username or password";
  // The throttle key for every malformed username: such names cannot exist, and a shared key
  // keeps junk names from growing the throttle's map.
  private static final String MALFORMED = "\0malformed";

  private final Vertx vertx;
  private final UserStore users;
  private final Sessions sessions;
  private final PasswordHasher hasher;
  private final AuthSettings settings;
  private final Authz authz;
  private final LoginThrottle throttle;

  /** Routes over these parts; {@code clock} drives the login throttle. */
  public AuthRoutes(
      Vertx vertx,
      UserStore users,
      Sessions sessions,
      PasswordHasher hasher,
      AuthSettings settings,
      Clock clock) {
    this.vertx = vertx;
    this.users = users;
    this.sessions = sessions;
    this.hasher = hasher;
    this.settings = settings;
    this.authz = new Authz(sessions, settings);
    this.throttle = LoginThrottle.of(settings, clock);
  }

  /** Builds the routes on the system clock and mounts them on {@code router}. */
  public static AuthRoutes mount(
      Router router,
      Vertx vertx,
      UserStore users,
      Sessions sessions,
      PasswordHasher hasher,
      AuthSettings settings) {
    AuthRoutes routes = new AuthRoutes(vertx, users, sessions, hasher, settings, Clock.systemUTC());
    routes.mount(router);
    return routes;
  }

  /** Adds the routes to {@code router}. */
  public void mount(Router router) {
    // Vert.x Web wants the body handler before any user handler of a route, so it reads the body
    // of a request that the role check then refuses; the limit keeps that cheap.
    BodyHandler body = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
    router.post("/api/login").handler(body).handler(this::login);
    router.post("/api/logout").handler(this::logout);
    router.get("/api/me").handler(authz.authenticated()).handler(this::me);
    router
        .post("/api/me/password")
        .handler(body)
        .handler(authz.authenticated())
        .handler(this::changePassword);
    new UserRoutes(users, sessions, authz).mount(router, body);
  }

  /** The role checks these routes use, for the lead's other routes and the agent WebSocket. */
  public Authz authz() {
    return authz;
  }

  private void login(RoutingContext ctx) {
    if (!authz.origins().allowedIfPresent(ctx.request())) {
      Authz.deny(ctx, 403, "origin not allowed");
      return;
    }
    JsonObject json = JsonReplies.body(ctx);
    if (json == null) {
      return;
    }
    String username = UserRules.normalizeUsername(JsonReplies.string(json, "username"));
    String password = JsonReplies.string(json, "password");
    Map<String, String> missing = new LinkedHashMap<>();
    if (username == null || username.isEmpty()) {
      missing.put("username", "is required");
    }
    if (password == null || password.isEmpty()) {
      missing.put("password", "is required");
    }
    if (!missing.isEmpty()) {
      JsonReplies.fieldErrors(ctx, missing);
      return;
    }
    String key = UserRules.usernameProblem(username) == null ? username : MALFORMED;
    if (throttled(ctx, key)) {
      return;
    }
    Context context = vertx.getOrCreateContext();
    CompletableFuture<Optional<User>> checked =
        users
            .credentials(username)
            .thenCompose(found -> verify(found, password))
            .toCompletableFuture();
    Future.fromCompletionStage(checked, context)
        .onSuccess(user -> loggedIn(ctx, key, user))
        .onFailure(e -> JsonReplies.failure(ctx, e));
  }

  /** The user if {@code password} is theirs and they are enabled; bcrypt off the event loop. */
  private CompletableFuture<Optional<User>> verify(Optional<Credentials> found, String password) {
    String hash = found.map(Credentials::passwordHash).orElse(null);
    return vertx
        .executeBlocking(() -> hasher.verify(password, hash), false)
        .map(ok -> ok ? found.map(Credentials::user).filter(User::enabled) : Optional.<User>empty())
        .toCompletionStage()
        .toCompletableFuture();
  }

  private void loggedIn(RoutingContext ctx, String key, Optional<User> user) {
    if (user.isEmpty()) {
      throttle.failed(key);
      // The attempted name is not logged: people type passwords into the username field.
      log.info("login refused");
      JsonReplies.send(ctx, 401, new JsonObject().put("error", BAD_CREDENTIALS));
      return;
    }
    throttle.succeeded(key);
    Session session = sessions.create(user.get());
    log.info("login {} {}", session.username(), session.roles());
    ctx.response().addCookie(sessionCookie(session.token(), settings.absoluteLifetime()));
    JsonObject me = JsonReplies.user(user.get());
    JsonReplies.send(
        ctx,
        200,
        new JsonObject()
            .put("username", me.getString("username"))
            .put("displayName", me.getString("displayName"))
            .put("roles", me.getJsonArray("roles")));
  }

  private void logout(RoutingContext ctx) {
    authz.sessionOf(ctx.request()).ifPresent(s -> sessions.invalidate(s.token()));
    ctx.response()
        .addCookie(sessionCookie("", Duration.ZERO))
        .putHeader("Cache-Control", "no-store")
        .setStatusCode(204)
        .end();
  }

  private void me(RoutingContext ctx) {
    Session session = Authz.session(ctx);
    Context context = vertx.getOrCreateContext();
    Future.fromCompletionStage(users.find(session.username()), context)
        .onSuccess(
            user -> {
              if (user.isEmpty() || !user.get().enabled()) {
                sessions.invalidateUser(session.username());
                Authz.deny(ctx, 401, "login required");
                return;
              }
              JsonReplies.send(ctx, 200, JsonReplies.user(user.get()));
            })
        .onFailure(e -> JsonReplies.failure(ctx, e));
  }

  private void changePassword(RoutingContext ctx) {
    Session session = Authz.session(ctx);
    JsonObject json = JsonReplies.body(ctx);
    if (json == null) {
      return;
    }
    String current = JsonReplies.string(json, "currentPassword");
    String next = JsonReplies.string(json, "newPassword");
    Map<String, String> errors = new LinkedHashMap<>();
    if (current == null || current.isEmpty()) {
      errors.put("currentPassword", "is required");
    }
    String problem = UserRules.passwordProblem(next);
    if (problem != null) {
      errors.put("newPassword", problem);
    }
    if (!errors.isEmpty()) {
      JsonReplies.fieldErrors(ctx, errors);
      return;
    }
    // A stolen session must not become a way around the login throttle.
    if (throttled(ctx, session.username())) {
      return;
    }
    Context context = vertx.getOrCreateContext();
    CompletableFuture<Boolean> changed =
        users
            .credentials(session.username())
            .thenCompose(found -> verify(found, current))
            .thenCompose(
                user ->
                    user.isEmpty()
                        ? CompletableFuture.completedFuture(false)
                        : users.setPassword(session.username(), next));
    Future.fromCompletionStage(changed, context)
        .onSuccess(
            ok -> {
              if (!ok) {
                throttle.failed(session.username());
                JsonReplies.fieldErrors(ctx, Map.of("currentPassword", "is not your password"));
                return;
              }
              // A changed password ends the sessions a thief may hold; this browser gets a new one.
              sessions.invalidateUser(session.username());
              throttle.succeeded(session.username());
              Session fresh = sessions.create(session.username(), session.roles());
              log.info("password changed {}", session.username());
              ctx.response()
                  .addCookie(sessionCookie(fresh.token(), settings.absoluteLifetime()))
                  .putHeader("Cache-Control", "no-store")
                  .setStatusCode(204)
                  .end();
            })
        .onFailure(e -> JsonReplies.failure(ctx, e));
  }

  /** Answers 429 and returns true while {@code key} is locked. */
  private boolean throttled(RoutingContext ctx, String key) {
    Optional<Duration> locked = throttle.lockedFor(key);
    if (locked.isEmpty()) {
      return false;
    }
    long seconds = Math.max(1, (locked.get().toMillis() + 999) / 1000);
    ctx.response().putHeader("Retry-After", Long.toString(seconds));
    JsonReplies.send(ctx, 429, new JsonObject().put("error", "too many failed logins"));
    return true;
  }

  private Cookie sessionCookie(String value, Duration maxAge) {
    return Cookie.cookie(settings.cookieName(), value)
        .setPath("/")
        .setHttpOnly(true)
        .setSecure(settings.secureCookie())
        .setSameSite(CookieSameSite.STRICT)
        .setMaxAge(maxAge.toSeconds());
  }
}
