package org.tawag.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tawag.testing.TawagServerExtension;

/**
 * Orders through the API on a real server and database: type-specific fields from configuration,
 * field errors, the status lifecycle (409), history, filters and pages, and the calls of an order.
 */
class OrderApiIT {
  @RegisterExtension static final TawagServerExtension server = new TawagServerExtension();

  static ApiFixture f;

  @BeforeAll
  static void users() throws Exception {
    f = ApiFixture.on(server.get(), "o-");
  }

  private static JsonObject json(HttpResponse<String> r, int status) {
    assertEquals(status, r.statusCode(), r.body());
    return new JsonObject(r.body());
  }

  private static JsonObject loan(String phone) {
    return new JsonObject()
        .put("fullName", "Loan Seeker")
        .put("phone", phone)
        .put("serviceType", "loan")
        .put("fields", new JsonObject().put("loanAmount", 5000).put("term", "24"));
  }

  private static JsonObject create(JsonObject order) throws Exception {
    return json(f.supervisor.send("POST", "/api/orders", order), 201);
  }

  private static HttpResponse<String> status(String id, String to) throws Exception {
    return f.supervisor.send(
        "POST", "/api/orders/" + id + "/status", new JsonObject().put("status", to));
  }

  @Test
  void typeFieldsAreCheckedByNameAndStoredNormalised() throws Exception {
    JsonObject order = create(loan("+15550700001"));
    assertEquals("5000.00", order.getJsonObject("fields").getString("loanAmount"));
    assertEquals("24", order.getJsonObject("fields").getString("term"));
    String stored =
        (String)
            f.rows()
                .one("SELECT type_fields FROM orders WHERE id = ?", order.getString("id"))
                .get("type_fields");
    assertEquals(
        new JsonObject().put("loanAmount", "5000.00").put("term", "24"), new JsonObject(stored));

    JsonObject errors =
        json(
                f.supervisor.send(
                    "POST",
                    "/api/orders",
                    loan("+15550700002")
                        .put("fields", new JsonObject().put("term", "18").put("colour", "red"))),
                400)
            .getJsonObject("errors");
    assertEquals("is required", errors.getString("fields.loanAmount"));
    assertEquals("must be one of 6, 12, 24, 36", errors.getString("fields.term"));
    assertEquals("is not a field of loan", errors.getString("fields.colour"));

    JsonObject taxi =
        json(
                f.supervisor.send(
                    "POST",
                    "/api/orders",
                    new JsonObject()
                        .put("fullName", "Rider")
                        .put("phone", "+15550700003")
                        .put("serviceType", "taxi")
                        .put("amount", "-1")
                        .put(
                            "fields",
                            new JsonObject().put("pickup", "Main St 1").put("time", "7pm"))),
                400)
            .getJsonObject("errors");
    assertEquals("is required", taxi.getString("fields.destination"));
    assertEquals("must be a time as HH:MM", taxi.getString("fields.time"));
    assertEquals("must not be negative", taxi.getString("amount"));
  }

  @Test
  void statusFollowsTheLifecycleAndRefusalsAre409() throws Exception {
    String id = create(loan("+15550700010")).getString("id");
    JsonObject refused = json(status(id, "done"), 409);
    assertTrue(
        refused.getJsonObject("errors").getString("status").startsWith("cannot change from new"),
        refused.encode());
    assertEquals("in_progress", json(status(id, "in_progress"), 200).getString("status"));
    assertEquals("done", json(status(id, "done"), 200).getString("status"));
    assertEquals(409, status(id, "cancelled").statusCode());
    assertEquals(
        409,
        f.supervisor
            .send("PUT", "/api/orders/" + id, loan("+15550700010").put("notes", "late change"))
            .statusCode());
    assertEquals(
        "must be one of new, scheduled, in_progress, done, cancelled",
        json(status(id, "finished"), 400).getJsonObject("errors").getString("status"));
    assertEquals(404, status("O-999999", "cancelled").statusCode());

    JsonObject history = json(f.supervisor.get("/api/orders/" + id + "/history"), 200);
    assertEquals(
        List.of("new", "in_progress", "done"),
        history.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("to")).toList());
    assertEquals("o-sue", history.getJsonArray("items").getJsonObject(2).getString("byUser"));
    assertEquals(1, f.audits("order.history", "order:" + id));
  }

  @Test
  void updateChangesFieldsAndKeepsTheId() throws Exception {
    String id = create(loan("+15550700020")).getString("id");
    JsonObject changed =
        json(
            f.admin.send(
                "PUT",
                "/api/orders/" + id,
                loan("+15550700020")
                    .put("fields", new JsonObject().put("loanAmount", "7000").put("term", "36"))),
            200);
    assertEquals(id, changed.getString("id"));
    assertEquals("36", changed.getJsonObject("fields").getString("term"));
    assertEquals("admin", changed.getString("updatedBy"));
    assertEquals(
        "must not be given; PUT /api/orders/{id} changes an order",
        json(f.admin.send("POST", "/api/orders", loan("+15550700020").put("id", id)), 400)
            .getJsonObject("errors")
            .getString("id"));
    assertEquals(
        404, f.admin.send("PUT", "/api/orders/O-999998", loan("+15550700020")).statusCode());
    assertEquals(400, f.admin.get("/api/orders/42").statusCode());
  }

  @Test
  void listFiltersAndPages() throws Exception {
    for (int i = 0; i < 3; i++) {
      create(
          new JsonObject()
              .put("fullName", "Filter Person")
              .put("phone", "+1555070003" + i)
              .put("serviceType", "repair"));
    }
    JsonObject page = json(f.supervisor.get("/api/orders?serviceType=repair&limit=2"), 200);
    assertEquals(3, page.getLong("total"));
    assertEquals(2, page.getJsonArray("items").size());
    JsonObject rest =
        json(f.supervisor.get("/api/orders?serviceType=repair&limit=2&offset=2"), 200);
    assertEquals(1, rest.getJsonArray("items").size());
    assertEquals(
        0,
        json(f.supervisor.get("/api/orders?serviceType=repair&status=done"), 200).getLong("total"));
    assertEquals(
        "must be one of new, scheduled, in_progress, done, cancelled",
        json(f.supervisor.get("/api/orders?status=open"), 400)
            .getJsonObject("errors")
            .getString("status"));
    assertTrue(
        json(f.supervisor.get("/api/orders?createdFrom=yesterday"), 400)
            .getJsonObject("errors")
            .containsKey("createdFrom"));
    assertTrue(
        json(f.supervisor.get("/api/orders?serviceType=boat"), 400)
            .getJsonObject("errors")
            .containsKey("serviceType"));
    assertEquals(
        0,
        json(f.supervisor.get("/api/orders?createdTo=2000-01-01T00:00:00Z"), 200).getLong("total"));
  }

  @Test
  void anOrderShowsItsCallsAndOperatorsSeeOnlyTheirCallersOrders() throws Exception {
    JsonObject order = create(loan("+15550700040"));
    String id = order.getString("id");
    f.call("o-call-1", "+15550700040", "o-olga", Instant.now().minusSeconds(30), id, "agreed");
    JsonObject read = json(f.operator.get("/api/orders/" + id), 200);
    assertEquals("o-call-1", read.getJsonArray("calls").getJsonObject(0).getString("id"));
    String other = create(loan("+15550700041")).getString("id");
    assertEquals(403, f.operator.get("/api/orders/" + other).statusCode());
    assertEquals(403, f.operator.get("/api/orders/" + other + "/history").statusCode());

    JsonObject call = json(f.supervisor.get("/api/calls/o-call-1"), 200);
    assertEquals(id, call.getString("orderId"));
    assertEquals("agreed", call.getString("dispositionKind"));
    assertEquals(1, f.audits("call.read", "call:o-call-1"));
    assertTrue(call.containsKey("events"));
    JsonObject calls =
        json(f.supervisor.get("/api/calls?agent=o-olga&outcome=completed_by_caller"), 200);
    assertEquals(1, calls.getLong("total"));
    assertTrue(
        json(f.supervisor.get("/api/calls?direction=sideways"), 400)
            .getJsonObject("errors")
            .containsKey("direction"));
    assertEquals(404, f.supervisor.get("/api/calls/no-such-call").statusCode());
  }

  @Test
  void cataloguesComeFromConfiguration() throws Exception {
    JsonObject types = json(f.operator.get("/api/order-types"), 200);
    JsonObject loan = types.getJsonArray("orderTypes").getJsonObject(4);
    assertEquals("loan", loan.getString("code"));
    assertEquals("term", loan.getJsonArray("fields").getJsonObject(1).getString("name"));
    assertEquals("int", loan.getJsonArray("fields").getJsonObject(1).getString("kind"));
    JsonObject d = json(f.operator.get("/api/dispositions"), 200);
    assertTrue(d.getJsonArray("refusalReasons").contains("too_expensive"));
    assertEquals(6, d.getJsonArray("dispositions").size());
  }
}
