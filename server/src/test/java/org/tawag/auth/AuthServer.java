package org.tawag.auth;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.tawag.db.Database;
import org.tawag.db.DatabaseSettings;
import org.tawag.db.JdbcWorkers;
import org.tawag.testing.FakeClock;

/**
 * A real Vert.x HTTP server on a loopback port with the auth routes over an H2 user store, a fake
 * clock for sessions and the throttle, and a JDK HTTP client. Also mounts {@code GET /api/ops}
 * (operators only) and {@code GET /ws-check}, which answers what an agent WebSocket upgrade would
 * decide from {@link Authz#sessionOf} and {@link OriginCheck#allowed}.
 */
final class AuthServer implements AutoCloseable {
  final FakeClock clock = new FakeClock(Instant.parse("2026-03-02T08:00:00Z"));
  final AuthSettings settings;
  final Database database;
  final JdbcWorkers workers = new JdbcWorkers(2, 64);
  final PasswordHasher hasher;
  final UserStore users;
  final Sessions sessions;
  final Vertx vertx = Vertx.vertx();
  final HttpServer server;
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  AuthServer(Path dir, AuthSettings settings) throws Exception {
    this.settings = settings;
    this.database = Database.open(DatabaseSettings.h2File(dir));
    this.hasher = new PasswordHasher(settings.bcryptCost());
    this.users = new JdbcUserStore(database, workers, hasher, settings.sipRealm(), clock);
    this.sessions = Sessions.of(settings, clock);
    Router router = Router.router(vertx);
    AuthRoutes routes = new AuthRoutes(vertx, users, sessions, hasher, settings, clock);
    routes.mount(router);
    Authz authz = routes.authz();
    router
        .get("/api/ops")
        .handler(authz.require(Role.OPERATOR))
        .handler(ctx -> ctx.json(new JsonObject().put("user", Authz.session(ctx).username())));
    router
        .get("/ws-check")
        .handler(
            ctx -> {
              int status =
                  !authz.origins().allowed(ctx.request())
                      ? 403
                      : authz.sessionOf(ctx.request()).isPresent() ? 200 : 401;
              ctx.response().setStatusCode(status).end();
            });
    server =
        vertx
            .createHttpServer()
            .requestHandler(router)
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  String base() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  void emptyUsers() throws SQLException {
    try (Connection c = database.connection();
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM user_roles");
      s.execute("DELETE FROM users");
    }
  }

  User addUser(String username, String password, Role... roles) throws Exception {
    return users
        .create(new NewUser(username, username.toUpperCase(), password, Set.of(roles)))
        .get(10, TimeUnit.SECONDS);
  }

  HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
    HttpRequest.Builder b = request(path, cookie, null).GET();
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String json, String cookie)
      throws IOException, InterruptedException {
    return post(path, json, cookie, null, "application/json");
  }

  HttpResponse<String> post(
      String path, String body, String cookie, String origin, String contentType)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        request(path, cookie, origin).POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpRequest.Builder request(String path, String cookie, String origin) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    if (origin != null) {
      b.header("Origin", origin);
    }
    return b;
  }

  /** Logs in and returns the {@code name=value} of the session cookie. */
  String login(String username, String password) throws Exception {
    HttpResponse<String> r = post("/api/login", credentials(username, password), null);
    if (r.statusCode() != 200) {
      throw new AssertionError("login " + username + ": " + r.statusCode() + " " + r.body());
    }
    return cookieOf(r);
  }

  static String credentials(String username, String password) {
    return new JsonObject().put("username", username).put("password", password).encode();
  }

  /** The {@code name=value} part of the response's session cookie. */
  String cookieOf(HttpResponse<String> r) {
    String header = setCookie(r);
    return header.substring(0, header.indexOf(';'));
  }

  /** The whole {@code Set-Cookie} header of the session cookie. */
  String setCookie(HttpResponse<String> r) {
    return r.headers().allValues("Set-Cookie").stream()
        .filter(h -> h.startsWith(settings.cookieName() + "="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie in " + r.headers().map()));
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    workers.close();
    database.close();
  }
}
