package org.tawag.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DispositionTest {
  private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final OrderSettings SETTINGS = OrderSettings.defaults();

  private static Map<String, String> errorsOf(String kind, String reason, String at) {
    return assertThrows(
            ValidationException.class,
            () -> Disposition.validate(kind, reason, at, SETTINGS, CLOCK))
        .errors();
  }

  @Test
  void codesFitTheCallsColumn() {
    assertEquals("agreed", Disposition.of(Disposition.Kind.AGREED).code());
    assertEquals("refused:too_expensive", Disposition.refused("too_expensive").code());
    assertEquals(
        "callback:2026-03-01T10:30:00Z",
        Disposition.callback(Instant.parse("2026-03-01T10:30:00Z")).code());
    assertEquals("information_only", Disposition.of(Disposition.Kind.INFORMATION_ONLY).code());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "agreed",
        "refused:bad_time",
        "callback:2026-03-01T10:30:00Z",
        "no_answer",
        "wrong_number",
        "information_only"
      })
  void codesRoundTrip(String code) {
    assertEquals(code, Disposition.fromCode(code).code());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sale", "refused", "refused:", "callback:tomorrow", "agreed:x", ""})
  void malformedCodesAreRefused(String code) {
    assertThrows(IllegalArgumentException.class, () -> Disposition.fromCode(code));
  }

  @Test
  void validKindsWithTheirParts() {
    assertEquals(
        Disposition.refused("has_provider"),
        Disposition.validate("refused", " has_provider ", null, SETTINGS, CLOCK));
    assertEquals(
        Disposition.callback(Instant.parse("2026-03-01T10:30:00Z")),
        Disposition.validate("callback", null, "2026-03-01T12:30:00+02:00", SETTINGS, CLOCK));
    // Parts that do not belong to the kind are ignored, as a form leaves stale inputs behind.
    assertEquals(
        Disposition.of(Disposition.Kind.WRONG_NUMBER),
        Disposition.validate("wrong_number", "bad_time", "x", SETTINGS, CLOCK));
  }

  @Test
  void refusalNeedsAConfiguredReason() {
    assertEquals(Map.of("reason", "is required for a refusal"), errorsOf("refused", " ", null));
    assertEquals(
        Map.of(
            "reason",
            "must be one of too_expensive, has_provider, not_interested, bad_time, do_not_call"),
        errorsOf("refused", "rude", null));
  }

  @Test
  void callbackNeedsAFutureTime() {
    assertEquals(
        Map.of("callbackAt", "is required for a callback"), errorsOf("callback", null, null));
    assertEquals(
        Map.of("callbackAt", "must be in the future"),
        errorsOf("callback", null, "2026-03-01T09:00:00Z"));
    assertEquals(
        "must be a date and time with offset, e.g. 2025-06-30T14:00:00+02:00",
        errorsOf("callback", null, "2026-03-01 10:00").get("callbackAt"));
  }

  @Test
  void unknownOrMissingKind() {
    assertEquals(Map.of("disposition", "is required"), errorsOf(null, null, null));
    assertEquals(
        "must be one of agreed, refused, callback, no_answer, wrong_number, information_only",
        errorsOf("sale", null, null).get("disposition"));
  }

  @Test
  void onlyAgreedRequiresAnOrder() {
    for (Disposition.Kind k : Disposition.Kind.values()) {
      assertEquals(k == Disposition.Kind.AGREED, k.requiresOrder());
    }
  }

  @Test
  void constructorRefusesPartsOfAnotherKind() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Disposition(Disposition.Kind.AGREED, "too_expensive", null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Disposition(Disposition.Kind.CALLBACK, null, null));
  }
}
