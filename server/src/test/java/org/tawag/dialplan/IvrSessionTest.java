package org.tawag.dialplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tawag.dialplan.IvrAction.GoTo;
import org.tawag.dialplan.IvrAction.HangUp;
import org.tawag.dialplan.IvrAction.Ignore;
import org.tawag.dialplan.IvrAction.Play;
import org.tawag.dialplan.IvrAction.WaitForDigit;

class IvrSessionTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Play PROMPT = new Play("menu-prompt");
  private static final Play INVALID = new Play("invalid");
  private static final WaitForDigit WAIT = new WaitForDigit(TIMEOUT);

  private static Route.Ivr ivr(
      Map<String, String> choices, int maxAttempts, String invalid, String onFailure) {
    return new Route.Ivr(
        "menu",
        "menu-prompt",
        choices,
        TIMEOUT,
        maxAttempts,
        Optional.ofNullable(invalid),
        Optional.ofNullable(onFailure));
  }

  private static final Route.Ivr DEMO =
      ivr(Map.of("1", "echo", "2", "goodbye", "9", "support"), 3, "invalid", "goodbye");

  private static IvrSession started(Route.Ivr ivr) {
    IvrSession session = new IvrSession(ivr);
    assertEquals(PROMPT, session.start());
    return session;
  }

  @ParameterizedTest(name = "digit {0} after the prompt goes to {1}")
  @CsvSource({"1, echo", "2, goodbye", "9, support"})
  void singleDigitAfterPromptBranches(char digit, String target) {
    IvrSession session = started(DEMO);
    assertEquals(WAIT, session.onPlaybackFinished());

    assertEquals(new GoTo(target), session.onDigit(digit));
    assertTrue(session.isDone());
  }

  @Test
  void digitDuringPromptBargesIn() {
    IvrSession session = started(DEMO);

    assertEquals(new GoTo("support"), session.onDigit('9'));
    // The player's late report of the stopped prompt changes nothing.
    assertEquals(new Ignore(), session.onPlaybackFinished());
    assertEquals(new Ignore(), session.onDigit('1'));
    assertEquals(new Ignore(), session.onTimeout());
  }

  @Test
  void invalidDigitPlaysInvalidSoundThenPromptAgainThenValidChoiceWins() {
    IvrSession session = started(DEMO);
    assertEquals(WAIT, session.onPlaybackFinished());

    assertEquals(INVALID, session.onDigit('5'));
    assertEquals(PROMPT, session.onPlaybackFinished());
    assertEquals(2, session.attempt());
    assertEquals(WAIT, session.onPlaybackFinished());
    assertEquals(new GoTo("echo"), session.onDigit('1'));
  }

  @Test
  void digitDuringInvalidSoundStartsTheNextAttempt() {
    IvrSession session = started(DEMO);
    assertEquals(INVALID, session.onDigit('7'));

    assertEquals(new GoTo("goodbye"), session.onDigit('2'));
    assertEquals(2, session.attempt());
  }

  @Test
  void timeoutsRepeatThePromptUpToMaxAttemptsThenGoToOnFailure() {
    IvrSession session = started(DEMO);
    for (int attempt = 1; attempt <= 2; attempt++) {
      assertEquals(WAIT, session.onPlaybackFinished());
      assertEquals(INVALID, session.onTimeout());
      assertEquals(PROMPT, session.onPlaybackFinished());
      assertEquals(attempt + 1, session.attempt());
    }
    assertEquals(WAIT, session.onPlaybackFinished());
    assertEquals(INVALID, session.onTimeout());
    // Digits while the last invalid sound plays are too late.
    assertEquals(new Ignore(), session.onDigit('1'));
    assertEquals(new GoTo("goodbye"), session.onPlaybackFinished());
    assertTrue(session.isDone());
    assertEquals(3, session.attempt());
  }

  @Test
  void withoutInvalidSoundOrOnFailurePromptRepeatsAtOnceThenHangsUp() {
    IvrSession session = started(ivr(Map.of("1", "echo"), 2, null, null));

    assertEquals(WAIT, session.onPlaybackFinished());
    assertEquals(PROMPT, session.onDigit('3'));
    assertEquals(WAIT, session.onPlaybackFinished());
    assertEquals(new HangUp(), session.onTimeout());
    assertTrue(session.isDone());
  }

  @Test
  void singleAttemptFailsOnFirstBadInput() {
    IvrSession session = started(ivr(Map.of("1", "echo"), 1, "invalid", "operator"));

    assertEquals(INVALID, session.onDigit('#'));
    assertEquals(new GoTo("operator"), session.onPlaybackFinished());
  }

  @Test
  void multiDigitChoiceCollectsUntilUniqueMatch() {
    IvrSession session =
        started(ivr(Map.of("12", "twelve", "13", "thirteen", "2", "two"), 3, "invalid", null));

    assertEquals(WAIT, session.onDigit('1'));
    assertEquals("1", session.digits());
    // A stray end-of-prompt after barge-in does not restart anything.
    assertEquals(new Ignore(), session.onPlaybackFinished());
    assertEquals(new GoTo("thirteen"), session.onDigit('3'));
  }

  @Test
  void multiDigitPrefixThatGoesNowhereIsInvalid() {
    IvrSession session = started(ivr(Map.of("12", "twelve", "2", "two"), 3, "invalid", null));

    assertEquals(WAIT, session.onDigit('1'));
    assertEquals(INVALID, session.onDigit('5'));
    assertEquals("", session.digits());
  }

  @Test
  void multiDigitPrefixThenTimeoutIsInvalid() {
    IvrSession session = started(ivr(Map.of("12", "twelve", "2", "two"), 3, "invalid", null));

    assertEquals(WAIT, session.onDigit('1'));
    assertEquals(INVALID, session.onTimeout());
  }

  @Test
  void exactMatchThatIsAlsoAPrefixWaitsThenTakesItOnTimeout() {
    IvrSession session = started(ivr(Map.of("1", "one", "12", "twelve"), 3, "invalid", null));

    assertEquals(WAIT, session.onDigit('1'));
    assertEquals(new GoTo("one"), session.onTimeout());
  }

  @Test
  void exactMatchThatIsAlsoAPrefixTakesTheLongerOneWhenItComes() {
    IvrSession session = started(ivr(Map.of("1", "one", "12", "twelve"), 3, "invalid", null));

    assertEquals(WAIT, session.onDigit('1'));
    assertEquals(new GoTo("twelve"), session.onDigit('2'));
  }

  @Test
  void starHashAndLettersAreChoices() {
    IvrSession session =
        started(ivr(Map.of("*", "star", "#9", "hash-nine", "A", "a"), 3, null, null));
    assertEquals(new GoTo("star"), session.onDigit('*'));

    session = started(ivr(Map.of("*", "star", "#9", "hash-nine", "A", "a"), 3, null, null));
    assertEquals(new GoTo("a"), session.onDigit('a'));

    session = started(ivr(Map.of("*", "star", "#9", "hash-nine", "A", "a"), 3, null, null));
    assertEquals(WAIT, session.onDigit('#'));
    assertEquals(new GoTo("hash-nine"), session.onDigit('9'));
  }

  @Test
  void timeoutWhilePlayingIsIgnored() {
    IvrSession session = started(DEMO);

    assertEquals(new Ignore(), session.onTimeout());
    assertEquals(1, session.attempt());
    assertFalse(session.isDone());
  }

  @Test
  void misuseIsRefused() {
    IvrSession session = new IvrSession(DEMO);
    assertThrows(IllegalStateException.class, session::onPlaybackFinished);
    assertThrows(IllegalStateException.class, () -> session.onDigit('1'));
    assertThrows(IllegalStateException.class, session::onTimeout);
    session.start();
    assertThrows(IllegalStateException.class, session::start);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> session.onDigit('E'));
    assertTrue(e.getMessage().contains("'E'"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> new IvrSession(ivr(Map.of("1", "x"), 0, null, null)));
    assertThrows(
        IllegalArgumentException.class, () -> new IvrSession(ivr(Map.of(), 3, null, null)));
  }
}
