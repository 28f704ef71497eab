package org.tawag.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CallRecordTest {
  static Stream<Arguments> badRecords() {
    CallRecord ok = CallRecords.answered("c1");
    return Stream.of(
        Arguments.of("id", (Supplier<?>) () -> ok.toBuilder().id(" ").build()),
        Arguments.of("direction", (Supplier<?>) () -> ok.toBuilder().direction(null).build()),
        Arguments.of("arrivedAt", (Supplier<?>) () -> ok.toBuilder().arrivedAt(null).build()),
        Arguments.of(
            "answeredAt",
            (Supplier<?>) () -> ok.toBuilder().answeredAt(CallRecords.T0.minusSeconds(1)).build()),
        Arguments.of(
            "talked", (Supplier<?>) () -> ok.toBuilder().talked(Duration.ofMillis(-1)).build()),
        Arguments.of("caller", (Supplier<?>) () -> ok.toBuilder().caller("9".repeat(256)).build()),
        Arguments.of(
            "outcome",
            (Supplier<?>) () -> ok.toBuilder().ended(CallRecords.T0.plusSeconds(9), null).build()),
        Arguments.of(
            "callId",
            (Supplier<?>)
                () -> new QueueEvent("", 0, CallRecords.T0, QueueEvent.Kind.ENTERED, null, null)),
        Arguments.of(
            "seq",
            (Supplier<?>)
                () ->
                    new QueueEvent("c1", -1, CallRecords.T0, QueueEvent.Kind.ENTERED, null, null)),
        Arguments.of(
            "detail",
            (Supplier<?>)
                () ->
                    new QueueEvent(
                        "c1", 0, CallRecords.T0, QueueEvent.Kind.ENTERED, null, "x".repeat(1001))),
        Arguments.of(
            "does not match record id",
            (Supplier<?>) () -> new LoggedCall(ok, CallRecords.answeredEvents("c2"))),
        Arguments.of(
            "repeats",
            (Supplier<?>)
                () ->
                    new LoggedCall(
                        ok,
                        List.of(
                            CallRecords.answeredEvents("c1").get(0),
                            CallRecords.answeredEvents("c1").get(0)))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRecords")
  void badValueIsAnErrorNamingIt(String field, Supplier<?> make) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::get);
    assertTrue(e.getMessage().contains(field), e.getMessage());
  }

  @Test
  void toBuilderCopiesEveryField() {
    CallRecord r = CallRecords.ended("c1");
    assertEquals(r, r.toBuilder().build());
  }

  @Test
  void codesAreLowerCaseNames() {
    assertEquals("completed_by_caller", CallRecord.Outcome.COMPLETED_BY_CALLER.code());
    assertEquals("no_answer", QueueEvent.Kind.NO_ANSWER.code());
    assertEquals(CallRecord.Direction.OUT, CallRecord.Direction.fromCode("out"));
    assertThrows(IllegalArgumentException.class, () -> CallRecord.Outcome.fromCode("lost"));
  }
}
