package org.tawag.auth;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Role checks for Vert.x Web routes. Put {@link #require(Role...)} (or {@link #authenticated()})
 * first on every API route: it finds the session of the request's cookie, stores it in the context
 * for {@link #session(RoutingContext)}, and otherwise answers itself, as JSON: 401 without a live
 * session, 403 for a session lacking every accepted role or for a state-changing request from a
 * foreign {@code Origin}.
 */
public final class Authz {
  private static final String SESSION_KEY = "tawag.auth.session";
  private static final Set<HttpMethod> SAFE =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private final Sessions sessions;
  private final String cookieName;
  private final OriginCheck origins;

  /** Checks against {@code sessions}, reading the cookie and origins of {@code settings}. */
  public Authz(Sessions sessions, AuthSettings settings) {
    this.sessions = sessions;
    this.cookieName = settings.cookieName();
    this.origins = OriginCheck.of(settings);
  }

  /** A handler that lets any logged-in user through. */
  public Handler<RoutingContext> authenticated() {
    return ctx -> check(ctx, null);
  }

  /**
   * A handler that lets through users holding at least one of {@code roles}.
   *
   * @throws IllegalArgumentException for no roles (use {@link #authenticated()})
   */
  public Handler<RoutingContext> require(Role... roles) {
    if (roles.length == 0) {
      throw new IllegalArgumentException("require needs at least one role; or authenticated()");
    }
    Set<Role> accepted = EnumSet.copyOf(Arrays.asList(roles));
    return ctx -> check(ctx, accepted);
  }

  private void check(RoutingContext ctx, Set<Role> accepted) {
    HttpServerRequest request = ctx.request();
    if (!SAFE.contains(request.method()) && !origins.allowedIfPresent(request)) {
      deny(ctx, 403, "origin not allowed");
      return;
    }
    Optional<Session> session = sessionOf(request);
    if (session.isEmpty()) {
      deny(ctx, 401, "login required");
      return;
    }
    if (accepted != null && !session.get().hasAny(accepted)) {
      deny(ctx, 403, "forbidden");
      return;
    }
    ctx.put(SESSION_KEY, session.get());
    ctx.next();
  }

  /**
   * The session that {@link #require(Role...)} or {@link #authenticated()} let through.
   *
   * @throws IllegalStateException when no such handler ran before on this route
   */
  public static Session session(RoutingContext ctx) {
    Session s = ctx.get(SESSION_KEY);
    if (s == null) {
      throw new IllegalStateException(
          "no session in context: put Authz.require or authenticated before "
              + ctx.normalizedPath());
    }
    return s;
  }

  /**
   * The live session of {@code request}'s cookie, marked as used; for a WebSocket upgrade check it
   * before accepting, together with {@link OriginCheck#allowed(HttpServerRequest)}.
   */
  public Optional<Session> sessionOf(HttpServerRequest request) {
    Cookie cookie = request.getCookie(cookieName);
    return cookie == null ? Optional.empty() : sessions.resolve(cookie.getValue());
  }

  /** The origin check of these settings, for WebSocket upgrades. */
  public OriginCheck origins() {
    return origins;
  }

  static void deny(RoutingContext ctx, int status, String message) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Cache-Control", "no-store")
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", message).encode());
  }
}
