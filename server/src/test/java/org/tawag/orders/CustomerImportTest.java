package org.tawag.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerImportTest {
  private final CustomerImport rows = new CustomerImport(OrderSettings.defaults());

  @Test
  void goodRowsAreNormalisedAndBadOnesReportedByLineAndField() {
    assertEquals(
        new CustomerDraft.Valid("Ada Lovelace", "+15550100001"),
        rows.accept(2, " Ada Lovelace ", "+1 555 010-0001").orElseThrow());
    assertTrue(rows.accept(3, "Bad Phone", "call me").isEmpty());
    assertTrue(rows.accept(4, "", "+15550100002").isEmpty());
    // Same number written another way: a duplicate of line 2.
    assertTrue(rows.accept(5, "Ada Again", "001 555 010 0001").isEmpty());
    rows.rejectRow(6, "has 3 columns, the header 2");

    ImportReport r = rows.report();
    assertEquals(5, r.rowsRead());
    assertEquals(4, r.rejectedCount());
    assertEquals(
        List.of(
            new ImportReport.RowError(
                3, "phone", "must be a phone number with 8 to 15 digits, e.g. +15551234567"),
            new ImportReport.RowError(4, "fullName", "is required"),
            new ImportReport.RowError(5, "phone", "duplicates the phone of line 2"),
            new ImportReport.RowError(6, "row", "has 3 columns, the header 2")),
        r.errors());
  }

  @Test
  void storeOutcomesAreCounted() {
    rows.stored(CustomerStore.Upsert.CREATED);
    rows.stored(CustomerStore.Upsert.UPDATED);
    rows.stored(CustomerStore.Upsert.UNCHANGED);
    assertEquals(1, rows.report().createdCount());
    assertEquals(1, rows.report().updatedCount());
    assertEquals(1, rows.report().unchangedCount());
  }
}
