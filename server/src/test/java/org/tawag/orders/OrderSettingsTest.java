package org.tawag.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrderSettingsTest {
  @Test
  void defaultsHaveTheBriefedCodes() {
    OrderSettings s = OrderSettings.defaults();
    assertEquals(List.of("internet", "tv", "repair", "taxi", "loan"), s.serviceTypes());
    assertTrue(s.isRefusalReason("has_provider"));
    assertEquals("1", s.defaultCountryCode());
  }

  @Test
  void badValuesNameTheSetting() {
    List<String> ok = List.of("a");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new OrderSettings(List.of("TV"), ok, "1"));
    assertTrue(e.getMessage().startsWith("serviceTypes"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> new OrderSettings(ok, List.of("a", "a"), "1"));
    assertTrue(e.getMessage().startsWith("refusalReasons"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new OrderSettings(List.of(), ok, "1"));
    assertThrows(IllegalArgumentException.class, () -> new OrderSettings(ok, ok, "+1"));
  }
}
