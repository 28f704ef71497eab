package org.tawag.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/users} over real HTTP: each role's answer, field errors, duplicates, no hashes. */
class UserRoutesIT {
  @TempDir static Path dir;
  static AuthServer server;
  String admin;
  String supervisor;
  String operator;

  @BeforeAll
  static void start() throws Exception {
    server = new AuthServer(dir, AuthSettings.defaults().withBcryptCost(PasswordHasher.MIN_COST));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @BeforeEach
  void threeRoles() throws Exception {
    server.emptyUsers();
    server.addUser("ada", "admin password", Role.ADMIN);
    server.addUser("sid", "supervisor password", Role.SUPERVISOR);
    server.addUser("otto", "operator password", Role.OPERATOR);
    admin = server.login("ada", "admin password");
    supervisor = server.login("sid", "supervisor password");
    operator = server.login("otto", "operator password");
  }

  static String newUser(String username) {
    return new JsonObject()
        .put("username", username)
        .put("displayName", "New Person")
        .put("password", "new user password")
        .put("roles", new JsonArray().add("operator").add("supervisor"))
        .encode();
  }

  @Test
  void createIsForAdminsOnly() throws Exception {
    assertEquals(401, server.post("/api/users", newUser("nina"), null).statusCode());
    assertEquals(403, server.post("/api/users", newUser("nina"), operator).statusCode());
    assertEquals(403, server.post("/api/users", newUser("nina"), supervisor).statusCode());

    HttpResponse<String> r = server.post("/api/users", newUser("Nina"), admin);
    assertEquals(201, r.statusCode(), r.body());
    assertEquals("/api/users/nina", r.headers().firstValue("Location").orElse(""));
    JsonObject body = new JsonObject(r.body());
    assertEquals("nina", body.getString("username"));
    assertEquals("New Person", body.getString("displayName"));
    assertEquals(new JsonArray().add("operator").add("supervisor"), body.getJsonArray("roles"));
    assertTrue(body.getBoolean("enabled"));
    assertFalse(r.body().contains("password\":"), r.body());
    server.login("nina", "new user password");
  }

  @Test
  void badFieldsAre400NamingEachField() throws Exception {
    String body =
        new JsonObject()
            .put("username", "Bad Name")
            .put("password", "short")
            .put("roles", new JsonArray().add("boss"))
            .put("sipPassword", "tiny")
            .encode();
    HttpResponse<String> r = server.post("/api/users", body, admin);
    assertEquals(400, r.statusCode());
    JsonObject errors = new JsonObject(r.body()).getJsonObject("errors");
    assertEquals(Set.of("username", "password", "roles", "sipPassword"), errors.fieldNames());
    assertFalse(r.body().contains("short"));

    r = server.post("/api/users", "{\"username\":\"x\",\"password\":\"long enough\"}", admin);
    assertEquals(400, r.statusCode());
    assertEquals(Set.of("roles"), new JsonObject(r.body()).getJsonObject("errors").fieldNames());
  }

  @Test
  void duplicateUsernameIs409() throws Exception {
    assertEquals(201, server.post("/api/users", newUser("nina"), admin).statusCode());
    HttpResponse<String> r = server.post("/api/users", newUser("NINA"), admin);
    assertEquals(409, r.statusCode());
    assertEquals(
        "is taken", new JsonObject(r.body()).getJsonObject("errors").getString("username"));
  }

  @Test
  void listIsForAdminsAndSupervisorsWithoutSecrets() throws Exception {
    assertEquals(401, server.get("/api/users", null).statusCode());
    assertEquals(403, server.get("/api/users", operator).statusCode());
    assertEquals(200, server.get("/api/users", admin).statusCode());
    HttpResponse<String> r = server.get("/api/users", supervisor);
    assertEquals(200, r.statusCode());
    JsonArray users = new JsonObject(r.body()).getJsonArray("users");
    assertEquals(
        List.of("ada", "otto", "sid"),
        users.stream().map(u -> ((JsonObject) u).getString("username")).toList());
    assertFalse(r.body().contains("$2a$"));
    assertFalse(r.body().toLowerCase().contains("hash"));
    assertFalse(r.body().toLowerCase().contains("ha1"));
  }

  HttpResponse<String> patch(String username, String json, String cookie) throws Exception {
    return server.client.send(
        server
            .request("/api/users/" + username, cookie, null)
            .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(json))
            .header("Content-Type", "application/json")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void patchIsForAdminsAndEndsTheUsersSessions() throws Exception {
    assertEquals(401, patch("otto", "{\"enabled\":false}", null).statusCode());
    assertEquals(403, patch("otto", "{\"enabled\":false}", supervisor).statusCode());
    assertEquals(200, server.get("/api/me", operator).statusCode());

    HttpResponse<String> r =
        patch(
            "OTTO",
            "{\"roles\":[\"operator\",\"supervisor\"],\"sipPassword\":\"phone pw 1\"}",
            admin);
    assertEquals(200, r.statusCode(), r.body());
    JsonObject body = new JsonObject(r.body());
    assertEquals(new JsonArray().add("operator").add("supervisor"), body.getJsonArray("roles"));
    assertTrue(body.getBoolean("sipPhone"));
    // The old session held the old roles: it is gone, and a new login carries the new ones.
    assertEquals(401, server.get("/api/me", operator).statusCode());
    assertEquals(
        200, server.get("/api/users", server.login("otto", "operator password")).statusCode());

    assertEquals(200, patch("otto", "{\"enabled\":false}", admin).statusCode());
    assertEquals(
        401,
        server
            .post("/api/login", AuthServer.credentials("otto", "operator password"), null)
            .statusCode());
    assertEquals(
        200,
        patch("otto", "{\"enabled\":true,\"password\":\"reset password\"}", admin).statusCode());
    server.login("otto", "reset password");
  }

  @Test
  void patchNamesBadFieldsRefusesSelfLockOutAndAnswers404() throws Exception {
    HttpResponse<String> r =
        patch("otto", "{\"enabled\":\"no\",\"roles\":[],\"password\":\"short\"}", admin);
    assertEquals(400, r.statusCode());
    assertEquals(
        Set.of("enabled", "roles", "password"),
        new JsonObject(r.body()).getJsonObject("errors").fieldNames());
    r = patch("ada", "{\"enabled\":false,\"roles\":[\"operator\"]}", admin);
    assertEquals(400, r.statusCode());
    assertEquals(
        Set.of("enabled", "roles"), new JsonObject(r.body()).getJsonObject("errors").fieldNames());
    assertEquals(400, patch("otto", "{}", admin).statusCode());
    assertEquals(404, patch("ghost", "{\"enabled\":true}", admin).statusCode());
  }
}
