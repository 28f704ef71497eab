package org.tawag.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderJsonTest {
  private static final OrderSettings SETTINGS = OrderSettings.defaults();
  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

  private static JsonObject formJson() {
    return new JsonObject(
        """
        {"fullName": "Ada Lovelace", "phone": "+1 555 010 0001",
         "address": {"city": "Springfield", "street": "Evergreen Terrace", "house": "742"},
         "serviceType": "tv", "requestedDate": "2026-03-02", "visitDate": "2026-03-03",
         "visitWindow": "09:00-12:00", "materials": null, "amount": 99.5, "notes": "",
         "status": "scheduled", "somethingElse": true}
        """);
  }

  @Test
  void formJsonBecomesADraft() {
    OrderDraft draft = OrderJson.draftFrom(formJson(), SETTINGS);
    assertEquals("Ada Lovelace", draft.fullName());
    assertEquals("Evergreen Terrace", draft.street());
    assertNull(draft.flat());
    assertEquals("99.5", draft.amount());
    OrderDetails d = draft.validate(SETTINGS);
    assertEquals(new BigDecimal("99.50"), d.amount());
    assertEquals(OrderStatus.SCHEDULED, d.status());
  }

  @Test
  void amountMayBeTextOrAnyJsonNumber() {
    for (Object amount : List.of("1500.00", 1500, 1500L, 1500.0, new BigDecimal("1500.00"))) {
      OrderDraft draft = OrderJson.draftFrom(formJson().put("amount", amount), SETTINGS);
      assertEquals(new BigDecimal("1500.00"), draft.validate(SETTINGS).amount(), "" + amount);
    }
  }

  @Test
  void typeErrorsAndValueErrorsComeTogether() {
    JsonObject json =
        formJson()
            .put("fullName", 42)
            .put("phone", "nope")
            .put("amount", true)
            .put("address", new JsonObject().put("city", "Springfield").put("house", 742))
            .put("visitWindow", new JsonArray().add("09:00"));
    ValidationException e =
        assertThrows(ValidationException.class, () -> OrderJson.draftFrom(json, SETTINGS));
    assertEquals(
        Map.of(
            "fullName", "must be text",
            "phone", "must be a phone number with 8 to 15 digits, e.g. +15551234567",
            "amount", "must be a number or text",
            "address.house", "must be text",
            "address.street", "is required",
            "visitWindow", "must be text"),
        e.errors());
  }

  @Test
  void addressThatIsNoObjectIsATypeError() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> OrderJson.draftFrom(formJson().put("address", "Springfield"), SETTINGS));
    assertEquals(Map.of("address", "must be an object"), e.errors());
  }

  @Test
  void orderJsonRoundTripsThroughTheForm() {
    Customer customer = new Customer(7, "Ada Lovelace", "+15550100001", T0, T0);
    Order order =
        new Order(
            "O-000123",
            customer,
            "internet",
            OrderStatus.SCHEDULED,
            new Address("Springfield", "Evergreen Terrace", "742", null),
            LocalDate.of(2026, 3, 2),
            LocalDate.of(2026, 3, 3),
            new VisitWindow(LocalTime.of(9, 0), LocalTime.of(12, 0)),
            "router",
            new BigDecimal("1500.00"),
            null,
            "alice",
            "bob",
            T0,
            T0.plusSeconds(60),
            Map.of());
    JsonObject json = OrderJson.order(order);
    assertEquals(
        new JsonObject(
            """
            {"id": "O-000123", "customerId": 7, "fullName": "Ada Lovelace",
             "phone": "+15550100001",
             "address": {"city": "Springfield", "street": "Evergreen Terrace", "house": "742",
                         "flat": null},
             "serviceType": "internet", "status": "scheduled", "requestedDate": "2026-03-02",
             "visitDate": "2026-03-03", "visitWindow": "09:00-12:00", "materials": "router",
             "amount": "1500.00", "notes": null, "createdBy": "alice", "updatedBy": "bob",
             "createdAt": "2026-03-01T09:00:00Z", "updatedAt": "2026-03-01T09:01:00Z",
             "fields": {}}
            """),
        json);
    // Through the wire as text and back: the same order details.
    OrderDraft draft = OrderJson.draftFrom(new JsonObject(json.encode()), SETTINGS);
    OrderDetails d = draft.validate(SETTINGS);
    assertEquals("O-000123", d.orderId());
    assertEquals(order.address(), d.address());
    assertEquals(order.amount(), d.amount());
    assertEquals(order.visitWindow(), d.visitWindow());
    assertEquals(order.status(), d.status());
  }

  @Test
  void screenPopJson() {
    Customer customer = new Customer(7, "Ada Lovelace", "+15550100001", T0, T0);
    CallSummary call =
        new CallSummary("call-1", T0, "sales", "agent-7", "completed_by_caller", null, "no_answer");
    ScreenPop pop =
        new ScreenPop(
            "+15550100001",
            customer,
            List.of(),
            List.of(call),
            List.of(new Address("Springfield", "Main St", "1", "2")));
    JsonObject json = OrderJson.screenPop(pop);
    assertEquals("+15550100001", json.getString("phone"));
    assertEquals(7L, json.getJsonObject("customer").getLong("id"));
    assertEquals(0, json.getJsonArray("openOrders").size());
    assertEquals(
        new JsonObject()
            .put("id", "call-1")
            .put("arrivedAt", "2026-03-01T09:00:00Z")
            .put("queue", "sales")
            .put("agent", "agent-7")
            .put("outcome", "completed_by_caller")
            .put("orderId", null)
            .put("disposition", "no_answer"),
        json.getJsonArray("recentCalls").getJsonObject(0));
    assertEquals("2", json.getJsonArray("addresses").getJsonObject(0).getString("flat"));
    assertNull(OrderJson.screenPop(ScreenPop.empty()).getValue("customer"));
  }

  @Test
  void dispositionFromJson() {
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    JsonObject json =
        new JsonObject().put("disposition", "callback").put("callbackAt", "2026-03-01T12:00:00Z");
    Disposition d = OrderJson.dispositionFrom(json, SETTINGS, clock);
    assertEquals("callback:2026-03-01T12:00:00Z", d.code());
    assertEquals(
        new JsonObject()
            .put("disposition", "callback")
            .put("reason", null)
            .put("callbackAt", "2026-03-01T12:00:00Z")
            .put("code", "callback:2026-03-01T12:00:00Z"),
        OrderJson.disposition(d));

    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                OrderJson.dispositionFrom(
                    new JsonObject().put("disposition", "refused").put("reason", 3),
                    SETTINGS,
                    clock));
    assertEquals(Map.of("reason", "must be text"), e.errors());
  }

  @Test
  void errorsAsJson() {
    assertEquals(
        new JsonObject().put("phone", "is required"),
        OrderJson.errors(FieldErrors.of("phone", "is required").asMap()));
  }
}
