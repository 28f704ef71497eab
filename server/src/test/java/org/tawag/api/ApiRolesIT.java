package org.tawag.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tawag.testing.HttpSession;
import org.tawag.testing.TawagServerExtension;

/**
 * Every {@code /api} route of the API package against anonymous (401), a wrong role (403) and the
 * right role (2xx), on a real server; and a check that this table covers every mounted route.
 */
class ApiRolesIT {
  @RegisterExtension static final TawagServerExtension server = new TawagServerExtension();

  /** The paths org.tawag.api mounts; auth and campaign routes have their own role tests. */
  static final List<String> OWN_PREFIXES =
      List.of(
          "/api/customers",
          "/api/orders",
          "/api/calls",
          "/api/dispositions",
          "/api/order-types",
          "/api/audit",
          "/api/openapi.json");

  static ApiFixture f;
  static long customerId;
  static String orderId;

  /** Who is refused with 403: the operator (managers' routes) or the supervisor (admin only). */
  enum Wrong {
    OPERATOR,
    SUPERVISOR,
    NONE
  }

  /** Who gets through. */
  enum Right {
    SUPERVISOR,
    ADMIN
  }

  record Case(
      String method,
      String path,
      String contentType,
      String body,
      Wrong wrong,
      Right right,
      int ok) {
    @Override
    public String toString() {
      return method + " " + path;
    }

    /** The route's template, e.g. {@code GET /api/customers/{id}}. */
    String template() {
      return method
          + " "
          + path.replaceAll("\\?.*$", "")
              .replaceAll("/customers/\\d+", "/customers/{id}")
              .replaceAll("/orders/O-\\d+", "/orders/{id}")
              .replaceAll("/calls/roles-call-1", "/calls/{id}");
    }
  }

  @BeforeAll
  static void data() throws Exception {
    f = ApiFixture.on(server.get(), "r-");
    customerId = f.customer("Role Tester", "+15550007001");
    HttpResponse<String> r =
        f.supervisor.send(
            "POST",
            "/api/orders",
            new JsonObject()
                .put("fullName", "Role Tester")
                .put("phone", "+15550007001")
                .put("serviceType", "tv"));
    assertEquals(201, r.statusCode(), r.body());
    orderId = new JsonObject(r.body()).getString("id");
    f.call(
        "roles-call-1", "+15550007001", "r-olga", Instant.now().minusSeconds(7200), orderId, null);
  }

  static Stream<Case> cases() {
    String json = "application/json";
    String c = "/api/customers/" + customerId;
    String o = "/api/orders/" + orderId;
    String order =
        new JsonObject()
            .put("fullName", "Role Tester")
            .put("phone", "+15550007001")
            .put("serviceType", "tv")
            .encode();
    return Stream.of(
        new Case("GET", "/api/customers?q=Role", null, null, Wrong.OPERATOR, Right.SUPERVISOR, 200),
        new Case(
            "POST",
            "/api/customers",
            json,
            new JsonObject().put("fullName", "New One").put("phone", "+15550007002").encode(),
            Wrong.OPERATOR,
            Right.SUPERVISOR,
            201),
        new Case("GET", c, null, null, Wrong.OPERATOR, Right.SUPERVISOR, 200),
        new Case(
            "PUT",
            c,
            json,
            new JsonObject().put("fullName", "Role Tester").put("phone", "+15550007001").encode(),
            Wrong.OPERATOR,
            Right.ADMIN,
            200),
        new Case("GET", c + "/history", null, null, Wrong.OPERATOR, Right.SUPERVISOR, 200),
        new Case(
            "POST",
            "/api/customers/import",
            "text/csv",
            "fullName,phone\nImported,+15550007003\n",
            Wrong.OPERATOR,
            Right.SUPERVISOR,
            200),
        new Case("GET", "/api/customers/export", null, null, Wrong.OPERATOR, Right.ADMIN, 200),
        new Case("GET", "/api/orders", null, null, Wrong.OPERATOR, Right.SUPERVISOR, 200),
        new Case("POST", "/api/orders", json, order, Wrong.OPERATOR, Right.SUPERVISOR, 201),
        new Case("GET", o, null, null, Wrong.OPERATOR, Right.ADMIN, 200),
        new Case("PUT", o, json, order, Wrong.OPERATOR, Right.SUPERVISOR, 200),
        new Case(
            "POST",
            o + "/status",
            json,
            new JsonObject().put("status", "in_progress").encode(),
            Wrong.OPERATOR,
            Right.SUPERVISOR,
            200),
        new Case("GET", o + "/history", null, null, Wrong.OPERATOR, Right.SUPERVISOR, 200),
        new Case("GET", "/api/calls", null, null, Wrong.OPERATOR, Right.SUPERVISOR, 200),
        new Case("GET", "/api/calls/roles-call-1", null, null, Wrong.OPERATOR, Right.ADMIN, 200),
        new Case("GET", "/api/dispositions", null, null, Wrong.NONE, Right.SUPERVISOR, 200),
        new Case("GET", "/api/order-types", null, null, Wrong.NONE, Right.SUPERVISOR, 200),
        new Case("GET", "/api/audit", null, null, Wrong.SUPERVISOR, Right.ADMIN, 200),
        new Case("GET", "/api/openapi.json", null, null, Wrong.NONE, Right.SUPERVISOR, 200));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void anonymousIs401WrongRoleIs403RightRoleSucceeds(Case k) throws Exception {
    HttpResponse<String> anon =
        HttpSession.send(f.port(), k.method(), k.path(), null, k.contentType(), k.body());
    assertEquals(401, anon.statusCode(), "anonymous " + k + ": " + anon.body());
    if (k.wrong() != Wrong.NONE) {
      HttpSession who = k.wrong() == Wrong.OPERATOR ? f.operator : f.supervisor;
      HttpResponse<String> wrong = who.send(k.method(), k.path(), k.contentType(), k.body());
      assertEquals(403, wrong.statusCode(), k.wrong() + " " + k + ": " + wrong.body());
    } else {
      HttpResponse<String> anyone =
          f.operator.send(k.method(), k.path(), k.contentType(), k.body());
      assertEquals(k.ok(), anyone.statusCode(), "operator " + k + ": " + anyone.body());
    }
    HttpSession who = k.right() == Right.ADMIN ? f.admin : f.supervisor;
    HttpResponse<String> right = who.send(k.method(), k.path(), k.contentType(), k.body());
    assertEquals(k.ok(), right.statusCode(), k.right() + " " + k + ": " + right.body());
    if (k.wrong() == Wrong.OPERATOR && k.method().equals("GET")) {
      // Managers' reads are for supervisors and admins alike.
      HttpSession other = who == f.admin ? f.supervisor : f.admin;
      assertEquals(k.ok(), other.send(k.method(), k.path(), null, null).statusCode(), k.toString());
    }
  }

  @Test
  void theTableCoversEveryApiRouteOfThisPackage() {
    Set<String> tested = new TreeSet<>();
    cases().forEach(k -> tested.add(k.template()));
    List<String> missing = new ArrayList<>();
    for (String route : OpenApiIT.apiRoutes(server.get())) {
      boolean ours = OWN_PREFIXES.stream().anyMatch(p -> route.contains(" " + p));
      if (ours && !tested.contains(route)) {
        missing.add(route);
      }
    }
    assertTrue(missing.isEmpty(), "routes without a role test: " + missing);
  }
}
