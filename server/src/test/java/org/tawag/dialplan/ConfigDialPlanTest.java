package org.tawag.dialplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigDialPlanTest {
  private static final Map<String, Route> TARGETS =
      Map.of(
          "exact", new Route.Echo("exact"),
          "six-hundreds", new Route.Queue("six-hundreds", "sales"),
          "sixty-ones", new Route.Queue("sixty-ones", "support"),
          "long", new Route.Reject("long", 404, "Not Found"),
          "any", new Route.Announcement("any", "welcome", Optional.empty()));

  private static ConfigDialPlan plan() {
    Map<String, String> extensions = new LinkedHashMap<>();
    // Deliberately least specific first: file order must not matter.
    extensions.put("_.", "any");
    extensions.put("_X.", "long");
    extensions.put("_6XX", "six-hundreds");
    extensions.put("_61X", "sixty-ones");
    extensions.put("610", "exact");
    return new ConfigDialPlan(extensions, TARGETS);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "610, exact",
    "611, sixty-ones",
    "620, six-hundreds",
    "6200, long",
    "12, long",
    "1, any",
    "abc, any",
  })
  void exactWinsThenMostSpecificPattern(String number, String target) {
    assertEquals(Optional.of(TARGETS.get(target)), plan().resolve(number));
  }

  @Test
  void nothingMatchesIsEmpty() {
    ConfigDialPlan plan = new ConfigDialPlan(Map.of("600", "exact"), TARGETS);
    assertEquals(Optional.empty(), plan.resolve("601"));
    assertEquals(Optional.empty(), plan.resolve(""));
  }

  @Test
  void targetByNameAndUnknownTarget() {
    assertEquals(new Route.Echo("exact"), plan().target("exact"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> plan().target("nope"));
    assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
  }

  @Test
  void extensionsListExactThenPatternsInPrecedenceOrder() {
    assertEquals(
        java.util.List.of("610", "_61X", "_6XX", "_X.", "_."),
        java.util.List.copyOf(plan().extensions().keySet()));
  }

  @Test
  void referencesToMissingTargetsAreRefused() {
    IllegalArgumentException fromExtension =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ConfigDialPlan(Map.of("600", "nowhere"), TARGETS));
    assertTrue(fromExtension.getMessage().contains("'nowhere'"), fromExtension.getMessage());

    Route.Ivr ivr =
        new Route.Ivr(
            "menu",
            "prompt",
            Map.of("1", "exact"),
            Duration.ofSeconds(5),
            3,
            Optional.empty(),
            Optional.of("gone"));
    IllegalArgumentException fromIvr =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ConfigDialPlan(Map.of(), Map.of("menu", ivr, "exact", TARGETS.get("exact"))));
    assertTrue(fromIvr.getMessage().contains("'gone'"), fromIvr.getMessage());
  }

  @Test
  void targetKeyMustMatchRouteName() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ConfigDialPlan(Map.of(), Map.of("a", new Route.Echo("b"))));
  }
}
