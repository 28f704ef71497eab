package org.tawag.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tawag.orders.OrderSettings;

class AgentOrdersTest {
  @Test
  void settingsMessageListsTheConfiguredCodesInTheirOrder() {
    OrderSettings settings =
        OrderSettings.of(List.of("tv", "internet"), List.of("bad_time", "has_provider"), "1");
    // The message reads settings only: no store is needed.
    JsonObject m = new AgentOrders(null, settings, Clock.systemUTC()).settingsMessage();

    assertEquals("orderSettings", m.getString("type"));
    assertEquals(List.of("tv", "internet"), m.getJsonArray("serviceTypes").getList());
    assertEquals(List.of("bad_time", "has_provider"), m.getJsonArray("refusalReasons").getList());
    assertEquals(
        List.of("agreed", "refused", "callback", "no_answer", "wrong_number", "information_only"),
        m.getJsonArray("dispositions").getList());
  }
}
