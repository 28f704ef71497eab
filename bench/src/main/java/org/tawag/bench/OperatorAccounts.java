package org.tawag.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * The operators' accounts over Tawag's REST API: creates users with the operator role as admin
 * ({@code POST /api/users}; 409, already there, is fine) and logs them in ({@code POST
 * /api/login}) for their {@code tawag_session} cookies. Both hash with bcrypt on the server, so
 * only a few requests are in flight at once. Sessions can be kept in a file so a second run of the
 * bench against the same server skips the logins.
 */
final class OperatorAccounts {
  private static final String COOKIE = "tawag_session";

  private final HttpClient client;
  private final String base;
  private final String origin;
  private final Semaphore inFlight;

  OperatorAccounts(HttpClient client, String host, int port, int concurrency) {
    this.client = client;
    this.base = "http://" + host + ":" + port;
    this.origin = base;
    this.inFlight = new Semaphore(concurrency);
  }

  /** Logs {@code username} in; the {@code Cookie} header value of its session. */
  String login(String username, String password) throws IOException, InterruptedException {
    return await(loginAsync(username, password));
  }

  /** Creates every user of {@code usernames} that does not exist yet; the number created. */
  int createAll(String adminCookie, List<String> usernames, String password)
      throws IOException, InterruptedException {
    List<CompletableFuture<Boolean>> all = new ArrayList<>();
    for (String u : usernames) {
      String body =
          "{\"username\":"
              + JsonFields.quote(u)
              + ",\"password\":"
              + JsonFields.quote(password)
              + ",\"displayName\":"
              + JsonFields.quote("Bench " + u)
              + ",\"roles\":[\"operator\"]}";
      all.add(
          post("/api/users", body, adminCookie)
              .thenApply(
                  r -> {
                    if (r.statusCode() == 201) {
                      return true;
                    }
                    if (r.statusCode() == 409) {
                      return false;
                    }
                    throw new IllegalStateException(
                        "POST /api/users " + u + ": " + r.statusCode() + " " + r.body());
                  }));
    }
    int created = 0;
    for (CompletableFuture<Boolean> f : all) {
      created += await(f) ? 1 : 0;
    }
    return created;
  }

  /**
   * Session cookies of {@code usernames}: those in {@code file} (when it exists) are reused, the
   * others logged in; the file is rewritten with all of them when {@code file} is not null.
   */
  Map<String, String> sessions(List<String> usernames, String password, Path file)
      throws IOException, InterruptedException {
    Map<String, String> known = new LinkedHashMap<>();
    if (file != null && Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          known.put(line.substring(0, tab), line.substring(tab + 1));
        }
      }
    }
    Map<String, CompletableFuture<String>> pending = new LinkedHashMap<>();
    for (String u : usernames) {
      if (!known.containsKey(u)) {
        pending.put(u, loginAsync(u, password));
      }
    }
    for (Map.Entry<String, CompletableFuture<String>> e : pending.entrySet()) {
      known.put(e.getKey(), await(e.getValue()));
    }
    if (file != null) {
      StringBuilder b = new StringBuilder();
      known.forEach((u, c) -> b.append(u).append('\t').append(c).append('\n'));
      Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String u : usernames) {
      out.put(u, known.get(u));
    }
    return out;
  }

  private CompletableFuture<String> loginAsync(String username, String password) {
    String body =
        "{\"username\":"
            + JsonFields.quote(username)
            + ",\"password\":"
            + JsonFields.quote(password)
            + "}";
    return post("/api/login", body, null)
        .thenApply(
            r -> {
              if (r.statusCode() != 200) {
                throw new IllegalStateException(
                    "login of " + username + " answered " + r.statusCode() + " " + r.body());
              }
              for (String h : r.headers().allValues("set-cookie")) {
                if (h.startsWith(COOKIE + "=")) {
                  int end = h.indexOf(';');
                  return end < 0 ? h : h.substring(0, end);
                }
              }
              throw new IllegalStateException("login of " + username + " set no " + COOKIE);
            });
  }

  private CompletableFuture<HttpResponse<String>> post(String path, String json, String cookie) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("Origin", origin)
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    inFlight.acquireUninterruptibly();
    return client
        .sendAsync(b.build(), HttpResponse.BodyHandlers.ofString())
        .whenComplete((r, t) -> inFlight.release());
  }

  private static <T> T await(CompletableFuture<T> f) throws IOException, InterruptedException {
    try {
      return f.get();
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(cause.getMessage(), cause);
    }
  }
}
