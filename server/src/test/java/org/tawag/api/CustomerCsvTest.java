package org.tawag.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tawag.orders.Customer;

class CustomerCsvTest {
  @Test
  void exportLinesQuoteSeparatorsAndDefuseFormulas() {
    Instant t = Instant.parse("2026-03-01T09:00:00Z");
    assertEquals(
        "7,\"Santos, \"\"Mia\"\"\",+15550100001,2026-03-01T09:00:00Z,2026-03-01T09:00:00Z\r\n",
        CustomerCsvRoutes.csvLine(new Customer(7, "Santos, \"Mia\"", "+15550100001", t, t)));
    assertEquals("'=HYPERLINK(1)", CustomerCsvRoutes.csv("=HYPERLINK(1)"));
    assertEquals("'-2+3", CustomerCsvRoutes.csv("-2+3"));
    assertEquals("+15550100001", CustomerCsvRoutes.csv("+15550100001"));
  }
}
