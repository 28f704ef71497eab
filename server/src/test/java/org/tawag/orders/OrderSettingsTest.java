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
            IllegalArgumentException.class, () -> OrderSettings.of(List.of("TV"), ok, "1"));
    assertTrue(e.getMessage().startsWith("types"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> OrderSettings.of(ok, List.of("a", "a"), "1"));
    assertTrue(e.getMessage().startsWith("refusalReasons"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> OrderSettings.of(List.of(), ok, "1"));
    assertThrows(IllegalArgumentException.class, () -> OrderSettings.of(ok, ok, "+1"));
  }
}
