package org.tawag.dialplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExtensionPatternTest {

  @ParameterizedTest(name = "{0} ~ {1} -> {2}")
  @CsvSource({
    // exact numbers
    "600, 600, true",
    "600, 6000, false",
    "600, 60, false",
    "+3222740000, +3222740000, true",
    // X = 0-9, Z = 1-9, N = 2-9
    "_6XX, 600, true",
    "_6XX, 699, true",
    "_6XX, 6999, false",
    "_6XX, 69, false",
    "_6XX, 6A9, false",
    "_Z, 0, false",
    "_Z, 1, true",
    "_N, 1, false",
    "_N, 2, true",
    "_N, 9, true",
    "_nxx, 200, true",
    "_nxx, 100, false",
    // sets and ranges
    "_[1-5]0, 30, true",
    "_[1-5]0, 60, false",
    "_[137]X, 30, true",
    "_[137]X, 20, false",
    "_[1-35-7], 4, false",
    "_[1-35-7], 6, true",
    // trailing '.' = one or more of anything
    "_9., 9, false",
    "_9., 91, true",
    "_9., 9*#abc, true",
    "_., x, true",
    "_., '', false",
    // other characters match themselves
    "_+32X., +3222, true",
    "_+32X., 32222, false",
    "_*X#, *5#, true",
  })
  void matches(String pattern, String number, boolean expected) {
    assertEquals(expected, ExtensionPattern.parse(pattern).matches(number));
  }

  @ParameterizedTest
  @CsvSource({
    "'', empty extension",
    "_, empty pattern",
    "_1.2, '.' must be last",
    "_1[5-, unclosed '['",
    "_1[], empty set",
    "_1[a-c], bad set",
    "_1[5-3], bad set",
  })
  void malformedPatternsNameTheProblem(String pattern, String problem) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ExtensionPattern.parse(pattern));
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }

  @Test
  void exactKeysAreExactEvenWithPatternLetters() {
    ExtensionPattern p = ExtensionPattern.parse("6XX");
    assertTrue(p.isExact());
    assertTrue(p.matches("6XX"));
    assertFalse(p.matches("600"));
  }

  @Test
  void orderIsExactThenMostSpecificPatternFirst() {
    List<String> texts =
        List.of("_.", "_X.", "_6.", "_61.", "_6XX", "_6[0-4]X", "_NXX", "_600", "600");
    List<ExtensionPattern> patterns = new ArrayList<>();
    for (int i = texts.size() - 1; i >= 0; i--) {
      patterns.add(ExtensionPattern.parse(texts.get(i)));
    }

    patterns.sort(ExtensionPattern.MOST_SPECIFIC_FIRST);

    assertEquals(
        List.of("600", "_600", "_61.", "_6[0-4]X", "_6XX", "_6.", "_NXX", "_X.", "_."),
        patterns.stream().map(ExtensionPattern::text).toList());
  }

  @Test
  void equalSpecificityTiesBreakOnText() {
    List<ExtensionPattern> patterns =
        new ArrayList<>(List.of(ExtensionPattern.parse("_X"), ExtensionPattern.parse("_[0-9]")));

    patterns.sort(ExtensionPattern.MOST_SPECIFIC_FIRST);

    assertEquals(List.of("_X", "_[0-9]"), patterns.stream().map(ExtensionPattern::text).toList());
  }
}
