package org.tawag.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.orders.OrderField;
import org.tawag.orders.OrderSettings;

class OrderTypesConfigTest {
  @TempDir Path dir;

  private OrderSettings load(String conf) throws IOException {
    Files.writeString(dir.resolve(ConfigLoader.MAIN_FILE), conf);
    return ConfigLoader.load(dir, Map.of()).orders();
  }

  @Test
  void referenceHasTheBriefedTypesWithTheirFields() throws IOException {
    OrderSettings s = load("# defaults\n");
    assertEquals(List.of("internet", "tv", "repair", "taxi", "loan"), s.serviceTypes());
    OrderField term = s.type("loan").orElseThrow().fields().get(1);
    assertEquals("term", term.name());
    assertEquals(OrderField.Kind.INT, term.kind());
    assertTrue(term.required());
    assertEquals(3, s.type("taxi").orElseThrow().fields().size());
    assertEquals("1", s.defaultCountryCode());
  }

  @Test
  void anAdminListReplacesTheTypes() throws IOException {
    OrderSettings s =
        load(
            """
            tawag.orders {
              default-country-code = "44"
              types = [ { code = cleaning, fields = [ { name = rooms, kind = int } ] } ]
            }
            """);
    assertEquals(List.of("cleaning"), s.serviceTypes());
    assertEquals("cleaning", s.type("cleaning").orElseThrow().label());
    assertEquals("44", s.defaultCountryCode());
  }

  @Test
  void aBadKindNamesItsKey() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                load(
                    "tawag.orders.types = [ { code = x, fields = [ { name = a, kind = colour } ]"
                        + " } ]\n"));
    assertTrue(e.getMessage().contains("tawag.orders.types[0].fields[0].kind"), e.getMessage());
  }

  @Test
  void aBadTypeCodeIsRefused() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> load("tawag.orders.types = [ { code = TV } ]\n"));
    assertTrue(e.getMessage().contains("tawag.orders"), e.getMessage());
  }
}
