package org.tawag.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class OrderStatusTest {
  @ParameterizedTest
  @CsvSource({
    "NEW, SCHEDULED, true",
    "NEW, IN_PROGRESS, true",
    "NEW, CANCELLED, true",
    "NEW, DONE, false",
    "SCHEDULED, IN_PROGRESS, true",
    "SCHEDULED, CANCELLED, true",
    "SCHEDULED, NEW, false",
    "SCHEDULED, DONE, false",
    "IN_PROGRESS, DONE, true",
    "IN_PROGRESS, SCHEDULED, true",
    "IN_PROGRESS, CANCELLED, true",
    "IN_PROGRESS, NEW, false",
    "DONE, NEW, false",
    "DONE, CANCELLED, false",
    "CANCELLED, NEW, false",
    "CANCELLED, SCHEDULED, false",
  })
  void transitions(OrderStatus from, OrderStatus to, boolean allowed) {
    assertEquals(allowed, from.canMoveTo(to));
  }

  @ParameterizedTest
  @EnumSource(OrderStatus.class)
  void noStatusMovesToItselfAndCodesRoundTrip(OrderStatus s) {
    assertFalse(s.canMoveTo(s));
    assertEquals(Optional.of(s), OrderStatus.fromCode(s.code()));
  }

  @Test
  void onlyDoneAndCancelledAreClosedAndFinal() {
    for (OrderStatus s : OrderStatus.values()) {
      boolean closed = EnumSet.of(OrderStatus.DONE, OrderStatus.CANCELLED).contains(s);
      assertEquals(!closed, s.isOpen(), s.name());
      assertEquals(closed, s.next().isEmpty(), s.name());
    }
  }

  @Test
  void codesAreLowerCase() {
    assertEquals("in_progress", OrderStatus.IN_PROGRESS.code());
    assertEquals(Optional.empty(), OrderStatus.fromCode("IN_PROGRESS"));
    assertTrue(OrderStatus.fromCode(null).isEmpty());
  }
}
