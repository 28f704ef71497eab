package org.tawag.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderDraftTest {
  private static final OrderSettings SETTINGS = OrderSettings.defaults();

  private static Map<String, String> errorsOf(OrderDraft draft) {
    return assertThrows(ValidationException.class, () -> draft.validate(SETTINGS)).errors();
  }

  @Test
  void fullDraftIsTrimmedTypedAndNormalised() {
    OrderDetails d = OrderDrafts.full("+1 (555) 010-0001").build().validate(SETTINGS);
    assertNull(d.orderId());
    assertEquals("Ada Lovelace", d.fullName());
    assertEquals("+15550100001", d.phone());
    assertEquals(new Address("Springfield", "Evergreen Terrace", "742", "3"), d.address());
    assertEquals("internet", d.serviceType());
    assertNull(d.status());
    assertEquals(LocalDate.of(2026, 3, 2), d.requestedDate());
    assertEquals(LocalDate.of(2026, 3, 3), d.visitDate());
    assertEquals(new VisitWindow(LocalTime.of(9, 0), LocalTime.of(12, 0)), d.visitWindow());
    assertEquals(new BigDecimal("1500.50"), d.amount());
    assertEquals("dog in the yard", d.notes());
  }

  @Test
  void minimalDraftLeavesOptionalFieldsNull() {
    OrderDetails d =
        OrderDrafts.minimal("0555 010 0002").address("", " ", null, "").build().validate(SETTINGS);
    assertEquals("+15550100002", d.phone());
    assertNull(d.address());
    assertNull(d.requestedDate());
    assertNull(d.visitWindow());
    assertNull(d.amount());
    assertNull(d.materials());
  }

  @Test
  void emptyDraftReportsEveryRequiredFieldAtOnce() {
    assertEquals(
        Map.of("fullName", "is required", "phone", "is required", "serviceType", "is required"),
        errorsOf(OrderDraft.builder().fullName("   ").build()));
  }

  @Test
  void everyBadFieldIsReportedTogether() {
    OrderDraft draft =
        OrderDraft.builder()
            .id("123")
            .fullName("x".repeat(201))
            .phone("call me")
            .address("Springfield", null, "742", "f".repeat(21))
            .serviceType("plumbing")
            .requestedDate("02.03.2026")
            .visitDate("2026-02-30")
            .visitWindow("12:00-09:00")
            .materials("m".repeat(2001))
            .amount("-1")
            .notes("n".repeat(2001))
            .status("open")
            .build();
    Map<String, String> errors = errorsOf(draft);
    assertEquals(
        java.util.Set.of(
            "id",
            "fullName",
            "phone",
            "address.street",
            "address.flat",
            "serviceType",
            "requestedDate",
            "visitDate",
            "visitWindow",
            "materials",
            "amount",
            "notes",
            "status"),
        errors.keySet());
    assertEquals("must be one of internet, tv, repair, taxi, loan", errors.get("serviceType"));
    assertEquals("must be at most 200 characters", errors.get("fullName"));
    assertEquals("is required", errors.get("address.street"));
  }

  @Test
  void partialAddressNamesTheMissingParts() {
    Map<String, String> errors =
        errorsOf(OrderDrafts.minimal("+15550100003").address(null, null, null, "12").build());
    assertEquals(
        Map.of(
            "address.city", "is required",
            "address.street", "is required",
            "address.house", "is required"),
        errors);
  }

  @Test
  void visitWindowNeedsAVisitDate() {
    assertEquals(
        Map.of("visitDate", "is required with a visit window"),
        errorsOf(OrderDrafts.minimal("+15550100004").visitWindow("09:00-12:00").build()));
  }

  @Test
  void scheduledOrderNeedsAVisitDate() {
    assertEquals(
        Map.of("visitDate", "is required for a scheduled order"),
        errorsOf(OrderDrafts.minimal("+15550100005").status("scheduled").build()));
    OrderDetails d =
        OrderDrafts.minimal("+15550100005")
            .status("scheduled")
            .visitDate("2026-03-05")
            .build()
            .validate(SETTINGS);
    assertEquals(OrderStatus.SCHEDULED, d.status());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0         | 0.00",
        "12.5      | 12.50",
        "12.500    | 12.50",
        " 1e3      | 1000.00",
        "9999999999.99 | 9999999999.99",
      })
  void amountsAreScaledToTwoDecimals(String raw, String expected) {
    OrderDetails d = OrderDrafts.minimal("+15550100006").amount(raw).build().validate(SETTINGS);
    assertEquals(new BigDecimal(expected), d.amount());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1.234         | must have at most 2 decimals",
        "-0.01         | must not be negative",
        "ten           | must be a number such as 1500.00",
        "10000000000   | must be at most 9999999999.99",
      })
  void badAmountsSayWhy(String raw, String message) {
    assertEquals(
        Map.of("amount", message),
        errorsOf(OrderDrafts.minimal("+15550100007").amount(raw).build()));
  }

  @ParameterizedTest
  @CsvSource({"9:00-12:00", "09:00-09:00", "09:00 - 12:00", "09:00-24:00", "25:00-26:00"})
  void badVisitWindowsAreRefused(String window) {
    Map<String, String> errors =
        errorsOf(
            OrderDrafts.minimal("+15550100008")
                .visitDate("2026-03-03")
                .visitWindow(window)
                .build());
    assertEquals(Map.of("visitWindow", "must be HH:MM-HH:MM with start before end"), errors);
  }

  @Test
  void errorMessagesNeverContainTheValues() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                OrderDraft.builder()
                    .fullName("Secret Name")
                    .phone("55 x")
                    .build()
                    .validate(SETTINGS));
    assertEquals(false, e.getMessage().contains("55 x"));
    assertEquals(false, e.getMessage().contains("Secret"));
  }
}
