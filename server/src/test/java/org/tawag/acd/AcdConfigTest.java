package org.tawag.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Config mistakes throw IllegalArgumentException naming the bad value. */
class AcdConfigTest {
  private static final QueueSpec Q = QueueSpec.of("q", Strategy.LONGEST_IDLE);

  static Stream<Arguments> mistakes() {
    return Stream.of(
        bad("queue name must not be blank:  ", () -> QueueSpec.of(" ", Strategy.RING_ALL)),
        bad("queue q: bad offerTimeout: PT0S", () -> Q.withOfferTimeout(Duration.ZERO)),
        bad("queue q: bad wrapUp: PT-1S", () -> Q.withWrapUp(Duration.ofSeconds(-1))),
        bad("queue q: bad maxWait: null", () -> Q.withMaxWait(null, new Overflow.HangUp())),
        bad("queue q: bad maxLength: -1", () -> Q.withMaxLength(-1)),
        bad("queue q: bad overflow: null", () -> Q.withMaxWait(Duration.ZERO, null)),
        bad("queue q: bad serviceLevel: PT0S", () -> Q.withServiceLevel(Duration.ZERO)),
        bad("queue q: bad announceEvery: PT-5S", () -> Q.withAnnounceEvery(Duration.ofSeconds(-5))),
        bad("overflow queue must not be blank: ", () -> new Overflow.ToQueue("")),
        bad("member level must be 1..10: 11 (agent a1, queue q)", () -> new Member("a1", "q", 11)),
        bad("member agentId must not be blank: null", () -> Member.of(null, "q")),
        bad("duplicate queue name: q", () -> new AcdConfig(List.of(Q, Q), List.of())),
        bad(
            "member a1 refers to unknown queue: sales",
            () -> new AcdConfig(List.of(Q), List.of(Member.of("a1", "sales")))),
        bad(
            "member a1 listed twice in queue: q",
            () -> new AcdConfig(List.of(Q), List.of(Member.of("a1", "q"), Member.of("a1", "q")))),
        bad(
            "queue q overflows to unknown queue: other",
            () ->
                new AcdConfig(
                    List.of(Q.withMaxWait(Duration.ofSeconds(5), new Overflow.ToQueue("other"))),
                    List.of())),
        bad(
            "queue q overflows to itself",
            () ->
                new AcdConfig(
                    List.of(Q.withMaxWait(Duration.ofSeconds(5), new Overflow.ToQueue("q"))),
                    List.of())));
  }

  private static Arguments bad(String message, Supplier<Object> build) {
    return Arguments.of(message, build);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void configMistakesNameTheBadValue(String message, Supplier<Object> build) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::get);
    assertEquals(message, e.getMessage());
  }
}
