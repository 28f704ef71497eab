package org.tawag.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A logged-in HTTP client for tests: logs in through the real API and keeps the session cookie. */
public final class HttpSession {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final int port;
  private final String cookie;

  private HttpSession(int port, String cookie) {
    this.port = port;
    this.cookie = cookie;
  }

  /** Logs in; fails the test unless the server answers 200 with a session cookie. */
  public static HttpSession login(int port, String username, String password) throws Exception {
    HttpResponse<String> r =
        post(
            port,
            "/api/login",
            null,
            new JsonObject().put("username", username).put("password", password));
    if (r.statusCode() != 200) {
      throw new AssertionError("login " + username + ": " + r.statusCode() + " " + r.body());
    }
    String setCookie = r.headers().firstValue("set-cookie").orElseThrow();
    return new HttpSession(port, setCookie.split(";", 2)[0]);
  }

  /** The {@code name=value} cookie to send. */
  public String cookie() {
    return cookie;
  }

  /** Sends {@code json} with {@code method} (POST, PUT, PATCH) in this session. */
  public HttpResponse<String> send(String method, String path, JsonObject json) throws Exception {
    return send(port, method, path, cookie, "application/json", json.encode());
  }

  /** Sends {@code body} of {@code contentType} with {@code method} in this session. */
  public HttpResponse<String> send(String method, String path, String contentType, String body)
      throws Exception {
    return send(port, method, path, cookie, contentType, body);
  }

  /**
   * Any request with a body of any type (a CSV upload): {@code cookie}, {@code contentType} and
   * {@code body} may be null (no header, no body).
   */
  public static HttpResponse<String> send(
      int port, String method, String path, String cookie, String contentType, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("content-type", contentType);
    }
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Creates a user with {@code roles} (the session must be an admin's). */
  public void createUser(String username, String password, String... roles) throws Exception {
    HttpResponse<String> r =
        post(
            port,
            "/api/users",
            cookie,
            new JsonObject()
                .put("username", username)
                .put("password", password)
                .put("displayName", username)
                .put("roles", new JsonArray(java.util.List.of((Object[]) roles))));
    if (r.statusCode() != 201) {
      throw new AssertionError("create user " + username + ": " + r.statusCode() + " " + r.body());
    }
  }

  /** GETs {@code path} in this session. */
  public HttpResponse<String> get(String path) throws Exception {
    return send(port, "GET", path, cookie, null);
  }

  /** POSTs {@code body} as JSON in this session. */
  public HttpResponse<String> post(String path, JsonObject body) throws Exception {
    return post(port, path, cookie, body);
  }

  /** DELETEs {@code path} in this session. */
  public HttpResponse<String> delete(String path) throws Exception {
    return send(port, "DELETE", path, cookie, null);
  }

  /**
   * Sends {@code method} to {@code path} with an optional cookie and JSON body: for role checks,
   * {@code cookie} may be null (anonymous).
   */
  public static HttpResponse<String> send(
      int port, String method, String path, String cookie, JsonObject body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (body != null) {
      b.header("content-type", "application/json");
    }
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** POSTs {@code body} as JSON with an optional cookie. */
  public static HttpResponse<String> post(int port, String path, String cookie, JsonObject body)
      throws Exception {
    return send(port, "POST", path, cookie, body);
  }
}
