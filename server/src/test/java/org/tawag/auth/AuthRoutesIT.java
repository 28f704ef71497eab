package org.tawag.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Login, logout, {@code /api/me}, password change, throttle and origin checks over real HTTP. */
class AuthRoutesIT {
  static final String PW = "operator password";
  @TempDir static Path dir;
  static AuthServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new AuthServer(dir, AuthSettings.defaults().withBcryptCost(PasswordHasher.MIN_COST));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @BeforeEach
  void oneOperator() throws Exception {
    // Tests share the server: a day later, earlier tests' sessions and login failures have lapsed.
    server.clock.advance(Duration.ofDays(1));
    server.emptyUsers();
    server.addUser("olga", PW, Role.OPERATOR);
  }

  @Test
  void loginAnswersTheUserAndSetsAStrictHttpOnlyCookie() throws Exception {
    HttpResponse<String> r = server.post("/api/login", AuthServer.credentials(" Olga ", PW), null);
    assertEquals(200, r.statusCode(), r.body());
    JsonObject body = new JsonObject(r.body());
    assertEquals("olga", body.getString("username"));
    assertEquals("OLGA", body.getString("displayName"));
    assertEquals(new JsonArray().add("operator"), body.getJsonArray("roles"));
    assertEquals(3, body.size(), r.body());

    String cookie = server.setCookie(r);
    assertTrue(cookie.matches("tawag_session=[A-Za-z0-9_-]{43};.*"), cookie);
    assertTrue(cookie.contains("; HTTPOnly") || cookie.contains("; HttpOnly"), cookie);
    assertTrue(cookie.contains("; SameSite=Strict"), cookie);
    assertTrue(cookie.contains("; Path=/"), cookie);
    assertTrue(cookie.contains("Max-Age=43200"), cookie);
    assertFalse(cookie.contains("Secure"), cookie);
    assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
  }

  @Test
  void secureCookieWhenConfigured(@TempDir Path other) throws Exception {
    try (AuthServer secure =
        new AuthServer(
            other,
            AuthSettings.defaults()
                .withBcryptCost(PasswordHasher.MIN_COST)
                .withSecureCookie(true))) {
      secure.addUser("sam", PW, Role.OPERATOR);
      HttpResponse<String> r = secure.post("/api/login", AuthServer.credentials("sam", PW), null);
      assertTrue(secure.setCookie(r).contains("; Secure"), secure.setCookie(r));
    }
  }

  @Test
  void badPasswordUnknownUserAndDisabledUserGetTheSame401() throws Exception {
    server.addUser("dina", PW, Role.OPERATOR);
    server.users.setEnabled("dina", false).get();
    HttpResponse<String> wrong =
        server.post("/api/login", AuthServer.credentials("olga", "nope nope"), null);
    HttpResponse<String> unknown =
        server.post("/api/login", AuthServer.credentials("ghost", PW), null);
    HttpResponse<String> disabled =
        server.post("/api/login", AuthServer.credentials("dina", PW), null);
    HttpResponse<String> malformed =
        server.post("/api/login", AuthServer.credentials("a b", PW), null);
    for (HttpResponse<String> r : List.of(wrong, unknown, disabled, malformed)) {
      assertEquals(401, r.statusCode());
      assertEquals("{\"error\":\"invalid username or password\"}", r.body());
      assertTrue(r.headers().allValues("Set-Cookie").isEmpty());
    }
  }

  @Test
  void missingFieldsAreNamedAndOnlyJsonIsAccepted() throws Exception {
    HttpResponse<String> r = server.post("/api/login", "{\"password\":\"x\"}", null);
    assertEquals(400, r.statusCode());
    assertEquals(
        "is required", new JsonObject(r.body()).getJsonObject("errors").getString("username"));
    r = server.post("/api/login", "{\"username\":\"olga\",\"password\":\"\"}", null);
    assertEquals(400, r.statusCode());
    assertEquals(
        "is required", new JsonObject(r.body()).getJsonObject("errors").getString("password"));
    r = server.post("/api/login", "not json", null);
    assertEquals(400, r.statusCode());
    assertTrue(new JsonObject(r.body()).getJsonObject("errors").containsKey("body"));
    r =
        server.post(
            "/api/login",
            "username=olga&password=x",
            null,
            null,
            "application/x-www-form-urlencoded");
    assertEquals(415, r.statusCode());
  }

  @Test
  void meNeedsASessionAndLogoutEndsIt() throws Exception {
    assertEquals(401, server.get("/api/me", null).statusCode());
    assertEquals(401, server.get("/api/me", "tawag_session=forged").statusCode());
    String cookie = server.login("olga", PW);
    HttpResponse<String> me = server.get("/api/me", cookie);
    assertEquals(200, me.statusCode());
    JsonObject body = new JsonObject(me.body());
    assertEquals("olga", body.getString("username"));
    assertFalse(me.body().contains("$2a$"));
    assertFalse(me.body().toLowerCase().contains("hash"));

    HttpResponse<String> out = server.post("/api/logout", "", cookie, null, null);
    assertEquals(204, out.statusCode());
    assertTrue(server.setCookie(out).contains("Max-Age=0"), server.setCookie(out));
    assertEquals(401, server.get("/api/me", cookie).statusCode());
    assertEquals(204, server.post("/api/logout", "", null, null, null).statusCode());
  }

  @Test
  void idleSessionsExpireByTheClock() throws Exception {
    String cookie = server.login("olga", PW);
    server.clock.advance(Duration.ofHours(7));
    assertEquals(200, server.get("/api/me", cookie).statusCode());
    server.clock.advance(Duration.ofHours(8));
    HttpResponse<String> r = server.get("/api/me", cookie);
    assertEquals(401, r.statusCode());
    assertEquals("{\"error\":\"login required\"}", r.body());
  }

  @Test
  void disablingAUserEndsTheirSessionAtTheNextMe() throws Exception {
    String cookie = server.login("olga", PW);
    server.users.setEnabled("olga", false).get();
    assertEquals(401, server.get("/api/me", cookie).statusCode());
    assertEquals(401, server.get("/api/ops", cookie).statusCode());
  }

  @Test
  void fiveFailuresLockTheUsernameWith429ThenItRecovers() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertEquals(
          401,
          server
              .post("/api/login", AuthServer.credentials("olga", "wrong" + i + "pw"), null)
              .statusCode());
    }
    HttpResponse<String> locked =
        server.post("/api/login", AuthServer.credentials("OLGA", PW), null);
    assertEquals(429, locked.statusCode());
    assertEquals("300", locked.headers().firstValue("Retry-After").orElse(""));
    // Unknown names lock the same way, so a 429 says nothing about who exists.
    for (int i = 0; i < 5; i++) {
      server.post("/api/login", AuthServer.credentials("ghost", "wrong" + i + "pw"), null);
    }
    assertEquals(
        429, server.post("/api/login", AuthServer.credentials("ghost", PW), null).statusCode());

    server.clock.advance(Duration.ofMinutes(5));
    assertEquals(
        200, server.post("/api/login", AuthServer.credentials("olga", PW), null).statusCode());
  }

  @Test
  void roleCheckAnswers401Then403Then200() throws Exception {
    assertEquals(401, server.get("/api/ops", null).statusCode());
    server.addUser("sue", "supervisor pw", Role.SUPERVISOR);
    HttpResponse<String> forbidden = server.get("/api/ops", server.login("sue", "supervisor pw"));
    assertEquals(403, forbidden.statusCode());
    assertEquals("{\"error\":\"forbidden\"}", forbidden.body());
    HttpResponse<String> ok = server.get("/api/ops", server.login("olga", PW));
    assertEquals(200, ok.statusCode());
    assertEquals("olga", new JsonObject(ok.body()).getString("user"));
  }

  @Test
  void foreignOriginsCannotPostButTheServersOwnCan() throws Exception {
    String evil = "http://evil.example";
    assertEquals(
        403,
        server
            .post("/api/login", AuthServer.credentials("olga", PW), null, evil, "application/json")
            .statusCode());
    String own = server.base();
    HttpResponse<String> r =
        server.post(
            "/api/login", AuthServer.credentials("olga", PW), null, own, "application/json");
    assertEquals(200, r.statusCode());
    String cookie = server.cookieOf(r);
    String body = "{\"currentPassword\":\"x\",\"newPassword\":\"another password\"}";
    assertEquals(
        403, server.post("/api/me/password", body, cookie, evil, "application/json").statusCode());
  }

  @Test
  void webSocketCheckNeedsOwnOriginAndASession() throws Exception {
    String cookie = server.login("olga", PW);
    String own = server.base();
    assertEquals(403, send("/ws-check", cookie, null));
    assertEquals(403, send("/ws-check", cookie, "http://evil.example"));
    assertEquals(401, send("/ws-check", null, own));
    assertEquals(200, send("/ws-check", cookie, own));
  }

  private int send(String path, String cookie, String origin) throws Exception {
    return server
        .client
        .send(
            server.request(path, cookie, origin).GET().build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void passwordChangeNeedsTheCurrentOneAndRenewsTheSession() throws Exception {
    String other = server.login("olga", PW);
    String cookie = server.login("olga", PW);
    HttpResponse<String> wrong =
        server.post(
            "/api/me/password",
            "{\"currentPassword\":\"not it at all\",\"newPassword\":\"new password\"}",
            cookie);
    assertEquals(400, wrong.statusCode());
    assertTrue(new JsonObject(wrong.body()).getJsonObject("errors").containsKey("currentPassword"));
    HttpResponse<String> weak =
        server.post(
            "/api/me/password",
            "{\"currentPassword\":\"" + PW + "\",\"newPassword\":\"short\"}",
            cookie);
    assertEquals(400, weak.statusCode());
    assertTrue(new JsonObject(weak.body()).getJsonObject("errors").containsKey("newPassword"));

    HttpResponse<String> ok =
        server.post(
            "/api/me/password",
            "{\"currentPassword\":\"" + PW + "\",\"newPassword\":\"new password\"}",
            cookie);
    assertEquals(204, ok.statusCode(), ok.body());
    String fresh = server.cookieOf(ok);
    assertNotEquals(cookie, fresh);
    assertEquals(401, server.get("/api/me", cookie).statusCode());
    assertEquals(401, server.get("/api/me", other).statusCode());
    assertEquals(200, server.get("/api/me", fresh).statusCode());
    assertEquals(
        401, server.post("/api/login", AuthServer.credentials("olga", PW), null).statusCode());
    server.login("olga", "new password");
  }

  @Test
  void noPasswordReachesAnyLog() throws Exception {
    try (LogCapture logs = new LogCapture()) {
      server.post("/api/login", AuthServer.credentials("olga", "wrong secret 1"), null);
      server.post("/api/login", AuthServer.credentials("wrong secret 2", PW), null);
      String cookie = server.login("olga", PW);
      server.post(
          "/api/me/password",
          "{\"currentPassword\":\"" + PW + "\",\"newPassword\":\"brand new secret\"}",
          cookie);
      server.addUser("root", "admin secret pw", Role.ADMIN);
      String admin = server.login("root", "admin secret pw");
      server.post(
          "/api/users",
          "{\"username\":\"neo\",\"password\":\"created secret\",\"roles\":[\"operator\"],"
              + "\"sipPassword\":\"phone secret\"}",
          admin);
      server.post(
          "/api/users",
          "{\"username\":\"neo\",\"password\":\"dup secret\",\"roles\":\"admin\"}",
          admin);

      assertTrue(logs.contains("login olga"), String.join("\n", logs.lines()));
      for (String secret :
          new String[] {
            "wrong secret",
            PW,
            "brand new secret",
            "admin secret pw",
            "created secret",
            "phone secret",
            "dup secret",
            cookie.substring(cookie.indexOf('=') + 1)
          }) {
        assertFalse(logs.contains(secret), secret + " in " + String.join("\n", logs.lines()));
      }
    }
  }
}
