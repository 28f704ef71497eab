package org.tawag.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tawag.testing.HttpSession;
import org.tawag.testing.TawagServerExtension;
import org.tawag.testing.TawagTestServer;

/**
 * The OpenAPI document served at {@code /api/openapi.json} describes exactly the routes the server
 * mounts under {@code /api}: a route added without its description (or a description left behind)
 * fails here.
 */
class OpenApiIT {
  @RegisterExtension static final TawagServerExtension server = new TawagServerExtension();

  /** The login and user routes of org.tawag.auth, role-tested by AuthRoutesIT and UserRoutesIT. */
  static final Set<String> AUTH_ROUTES =
      Set.of(
          "POST /api/login",
          "POST /api/logout",
          "GET /api/me",
          "POST /api/me/password",
          "GET /api/users",
          "POST /api/users",
          "PATCH /api/users/{username}");

  /** Every route the server mounts under /api, as {@code METHOD /api/path/{param}}. */
  static Set<String> apiRoutes(TawagTestServer tawag) {
    Set<String> out = new TreeSet<>();
    for (String r : tawag.server().httpRoutes()) {
      String path = r.substring(r.indexOf(' ') + 1);
      if (path.startsWith("/api/")) {
        out.add(r.replaceAll(":([A-Za-z0-9_]+)", "{$1}"));
      }
    }
    return out;
  }

  @Test
  void theDocumentListsEveryMountedApiRouteAndNoOther() throws Exception {
    HttpSession admin =
        HttpSession.login(
            server.get().server().httpPort(), "admin", TawagTestServer.ADMIN_PASSWORD);
    HttpResponse<String> r = admin.get("/api/openapi.json");
    assertEquals(200, r.statusCode());
    JsonObject doc = new JsonObject(r.body());
    assertTrue(doc.getString("openapi").startsWith("3."));
    Set<String> described = new TreeSet<>();
    JsonObject paths = doc.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      for (String method : paths.getJsonObject(path).fieldNames()) {
        described.add(method.toUpperCase(Locale.ROOT) + " " + path);
        assertTrue(
            paths.getJsonObject(path).getJsonObject(method).containsKey("x-roles"),
            method + " " + path + " names no roles");
      }
    }
    Set<String> mounted = apiRoutes(server.get());
    List<String> undescribed = new ArrayList<>(mounted);
    undescribed.removeAll(described);
    List<String> stale = new ArrayList<>(described);
    stale.removeAll(mounted);
    assertTrue(undescribed.isEmpty(), "mounted but not in openapi.json: " + undescribed);
    assertTrue(stale.isEmpty(), "in openapi.json but not mounted: " + stale);
  }
}
