package org.tawag.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CallLimitTest {
  @Test
  void admitsUpToTheLimitThenRefusesUntilASlotIsFreed() {
    CallLimit limit = new CallLimit(2);
    assertTrue(limit.tryAcquire());
    assertTrue(limit.tryAcquire());
    assertFalse(limit.tryAcquire());
    limit.release();
    assertEquals(1, limit.active());
    assertTrue(limit.tryAcquire());
  }

  @Test
  void releasingMoreThanAcquiredIsABug() {
    CallLimit limit = new CallLimit(1);
    assertThrows(IllegalStateException.class, limit::release);
    assertEquals(0, limit.active());
  }

  @Test
  void limitMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new CallLimit(0));
  }
}
