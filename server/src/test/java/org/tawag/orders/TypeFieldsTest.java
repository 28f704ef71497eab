package org.tawag.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeFieldsTest {
  private static final OrderType LOAN =
      new OrderType(
          "loan",
          "Loan",
          List.of(
              new OrderField("loanAmount", OrderField.Kind.AMOUNT, true, List.of()),
              new OrderField("term", OrderField.Kind.INT, true, List.of("12", "24")),
              new OrderField("callAt", OrderField.Kind.TIME, false, List.of()),
              new OrderField("window", OrderField.Kind.WINDOW, false, List.of()),
              new OrderField("from", OrderField.Kind.DATE, false, List.of()),
              new OrderField("pickup", OrderField.Kind.ADDRESS, false, List.of())));
  private static final OrderSettings SETTINGS =
      new OrderSettings(List.of(LOAN, OrderType.plain("tv")), List.of("too_expensive"), "1");

  private static OrderDraft.Builder loan(Map<String, String> fields) {
    return OrderDraft.builder()
        .fullName("Ada")
        .phone("+15550100001")
        .serviceType("loan")
        .fields(fields);
  }

  @Test
  void validFieldsComeBackNormalisedInTypeOrder() {
    OrderDetails d =
        loan(Map.of(
                "term", " 24 ",
                "loanAmount", "5000",
                "callAt", "09:30",
                "window", "09:00-12:00",
                "from", "2026-03-01",
                "pickup", "Main St 1"))
            .build()
            .validate(SETTINGS);
    assertEquals(
        List.of("loanAmount", "term", "callAt", "window", "from", "pickup"),
        List.copyOf(d.fields().keySet()));
    assertEquals("5000.00", d.fields().get("loanAmount"));
    assertEquals("24", d.fields().get("term"));
  }

  @Test
  void everyBadFieldIsNamedUnderFields() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                loan(Map.of(
                        "term", "18",
                        "callAt", "25:00",
                        "window", "12:00-09:00",
                        "from", "March",
                        "colour", "red"))
                    .build()
                    .validate(SETTINGS));
    assertEquals(
        Map.of(
            "fields.loanAmount", "is required",
            "fields.term", "must be one of 12, 24",
            "fields.callAt", "must be a time as HH:MM",
            "fields.window", "must be HH:MM-HH:MM with start before end",
            "fields.from", "must be a date as YYYY-MM-DD",
            "fields.colour", "is not a field of loan"),
        e.errors());
  }

  @Test
  void intAndAmountKindsRefuseOtherText() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> loan(Map.of("loanAmount", "-5", "term", "twelve")).build().validate(SETTINGS));
    assertEquals("must not be negative", e.errors().get("fields.loanAmount"));
    assertEquals("must be a whole number from 0 to 1000000000", e.errors().get("fields.term"));
  }

  @Test
  void aTypeWithoutFieldsRefusesAny() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                OrderDraft.builder()
                    .fullName("Ada")
                    .phone("+15550100001")
                    .serviceType("tv")
                    .fields(Map.of("term", "12"))
                    .build()
                    .validate(SETTINGS));
    assertEquals(Map.of("fields.term", "is not a field of tv"), e.errors());
  }

  @Test
  void fieldNamesAreChecked() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new OrderField("9lives", OrderField.Kind.TEXT, false, List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new OrderType(
                "x",
                "X",
                List.of(
                    new OrderField("a", OrderField.Kind.TEXT, false, List.of()),
                    new OrderField("a", OrderField.Kind.INT, false, List.of()))));
  }
}
