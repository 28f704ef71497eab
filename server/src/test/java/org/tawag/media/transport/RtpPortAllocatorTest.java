package org.tawag.media.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RtpPortAllocatorTest {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  private RtpPortAllocator allocator(int min, int max, Duration quarantine, long seed) {
    return new RtpPortAllocator(min, max, quarantine, nanos::get, new Random(seed));
  }

  @ParameterizedTest
  @CsvSource({"40000, 40009, 5", "40001, 40010, 4", "40000, 40010, 5", "40000, 40001, 1"})
  void handsOutEveryEvenPortOfTheRangeOnce(int min, int max, int pairs) {
    RtpPortAllocator ports = allocator(min, max, Duration.ofSeconds(10), 7);
    assertEquals(pairs, ports.capacity());
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < pairs; i++) {
      int port = ports.allocate().orElseThrow();
      assertEquals(0, port % 2, "RTP port must be even: " + port);
      assertTrue(port >= min && port + 1 <= max, "pair " + port + " outside " + min + "-" + max);
      assertTrue(seen.add(port), "port handed out twice: " + port);
    }
    assertEquals(OptionalInt.empty(), ports.allocate());
  }

  @Test
  void startsAtARandomPair() {
    Set<Integer> firsts = new HashSet<>();
    for (long seed = 0; seed < 20; seed++) {
      firsts.add(allocator(40000, 40199, Duration.ZERO, seed).allocate().getAsInt());
    }
    assertTrue(firsts.size() > 5, "first ports " + firsts);
  }

  @Test
  void releasedPairWaitsOutTheQuarantine() {
    RtpPortAllocator ports = allocator(40000, 40003, Duration.ofSeconds(10), 1);
    int a = ports.allocate().getAsInt();
    int b = ports.allocate().getAsInt();
    ports.release(a);
    assertEquals(OptionalInt.empty(), ports.allocate());
    nanos.addAndGet(Duration.ofSeconds(10).toNanos() - 1);
    assertEquals(OptionalInt.empty(), ports.allocate());
    nanos.addAndGet(1);
    assertEquals(OptionalInt.of(a), ports.allocate());
    assertEquals(0, ports.available());
    ports.release(b);
    assertEquals(0, ports.available());
  }

  @Test
  void skippedPairIsTriedAgainOnlyAfterTheQuarantine() {
    RtpPortAllocator ports = allocator(40000, 40003, Duration.ofSeconds(10), 3);
    int taken = ports.allocate().getAsInt();
    ports.skip(taken);
    int other = ports.allocate().getAsInt();
    assertFalse(taken == other);
    assertEquals(OptionalInt.empty(), ports.allocate());
    nanos.addAndGet(Duration.ofSeconds(10).toNanos());
    assertEquals(OptionalInt.of(taken), ports.allocate());
  }

  @Test
  void releasingAPortNotHandedOutIsACallerMistake() {
    RtpPortAllocator ports = allocator(40000, 40003, Duration.ZERO, 1);
    int port = ports.allocate().getAsInt();
    ports.release(port);
    var twice = assertThrows(IllegalArgumentException.class, () -> ports.release(port));
    assertTrue(twice.getMessage().contains(Integer.toString(port)), twice.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ports.release(40001));
    assertThrows(IllegalArgumentException.class, () -> ports.release(50000));
  }

  @ParameterizedTest
  @CsvSource({"40000, 40000", "40001, 40001", "500, 600", "40000, 70000", "40010, 40000"})
  void refusesRangesWithoutAPair(int min, int max) {
    var e =
        assertThrows(IllegalArgumentException.class, () -> allocator(min, max, Duration.ZERO, 1));
    assertTrue(e.getMessage().contains(Integer.toString(min)), e.getMessage());
  }
}
