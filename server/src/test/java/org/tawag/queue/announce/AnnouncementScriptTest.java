package org.tawag.queue.announce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnnouncementScriptTest {
  private static final Optional<Character> NO_KEY = Optional.empty();

  static Stream<Arguments> positions() {
    return Stream.of(
        Arguments.of(1, "number-1"),
        Arguments.of(7, "number-7"),
        Arguments.of(13, "number-13"),
        Arguments.of(19, "number-19"),
        Arguments.of(20, "number-20"),
        Arguments.of(21, "number-20 number-1"),
        Arguments.of(40, "number-40"),
        Arguments.of(58, "number-50 number-8"),
        Arguments.of(99, "number-90 number-9"));
  }

  @ParameterizedTest
  @MethodSource("positions")
  void positionIsSpokenFromNumberParts(int position, String parts) {
    List<String> expected =
        Stream.concat(
                Stream.concat(Stream.of("you-are-number"), Arrays.stream(parts.split(" "))),
                Stream.of("in-the-queue"))
            .toList();
    assertEquals(expected, AnnouncementScript.sounds(position, Optional.empty(), NO_KEY));
  }

  @Test
  void positionAbove99IsOneHundredOrMore() {
    assertEquals(
        List.of("position-100-or-more"), AnnouncementScript.sounds(100, Optional.empty(), NO_KEY));
    assertEquals(
        List.of("position-100-or-more"), AnnouncementScript.sounds(5000, Optional.empty(), NO_KEY));
  }

  static Stream<Arguments> waits() {
    return Stream.of(
        Arguments.of(Duration.ZERO, "less-than-a-minute"),
        Arguments.of(Duration.ofSeconds(59), "less-than-a-minute"),
        Arguments.of(Duration.ofMillis(59_999), "less-than-a-minute"),
        Arguments.of(Duration.ofSeconds(60), "about number-1 minute"),
        Arguments.of(Duration.ofMillis(60_001), "about number-2 minutes"),
        Arguments.of(Duration.ofSeconds(61), "about number-2 minutes"),
        Arguments.of(Duration.ofSeconds(150), "about number-3 minutes"),
        Arguments.of(Duration.ofMinutes(21), "about number-20 number-1 minutes"),
        Arguments.of(Duration.ofMinutes(99), "about number-90 number-9 minutes"),
        Arguments.of(Duration.ofSeconds(99 * 60 + 1), "more-than number-90 number-9 minutes"),
        Arguments.of(Duration.ofHours(5), "more-than number-90 number-9 minutes"));
  }

  @ParameterizedTest
  @MethodSource("waits")
  void waitIsRoundedUpToWholeMinutes(Duration wait, String parts) {
    List<String> expected =
        Stream.concat(
                Stream.of("you-are-number", "number-2", "in-the-queue", "estimated-wait-is"),
                Arrays.stream(parts.split(" ")))
            .toList();
    assertEquals(expected, AnnouncementScript.sounds(2, Optional.of(wait), NO_KEY));
  }

  @Test
  void noEstimateSaysNothingAboutTheWait() {
    assertEquals(
        List.of("you-are-number", "number-3", "in-the-queue"),
        AnnouncementScript.sounds(3, Optional.empty(), NO_KEY));
  }

  @Test
  void callbackKeyIsNamedLast() {
    assertEquals(
        List.of(
            "you-are-number",
            "number-1",
            "in-the-queue",
            "estimated-wait-is",
            "less-than-a-minute",
            "callback-press",
            "key-star"),
        AnnouncementScript.sounds(1, Optional.of(Duration.ofSeconds(5)), Optional.of('*')));
    assertEquals(
        List.of("position-100-or-more", "callback-press", "key-pound"),
        AnnouncementScript.sounds(120, Optional.empty(), Optional.of('#')));
    assertEquals(
        List.of("you-are-number", "number-1", "in-the-queue", "callback-press", "number-0"),
        AnnouncementScript.sounds(1, Optional.empty(), Optional.of('0')));
  }

  @Test
  void badInputsAreRefusedNamingTheValue() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AnnouncementScript.sounds(0, Optional.empty(), NO_KEY));
    assertTrue(e.getMessage().contains("0"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> AnnouncementScript.sounds(1, Optional.of(Duration.ofSeconds(-1)), NO_KEY));
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AnnouncementScript.sounds(1, Optional.empty(), Optional.of('A')));
    assertTrue(e.getMessage().contains("'A'"), e.getMessage());
  }

  @Test
  void everySoundAScriptCanNameIsListed() {
    List<Optional<Duration>> waits =
        List.of(
            Optional.empty(),
            Optional.of(Duration.ZERO),
            Optional.of(Duration.ofMinutes(1)),
            Optional.of(Duration.ofHours(3)));
    for (int position : IntStream.rangeClosed(1, 101).toArray()) {
      for (Optional<Duration> wait : waits) {
        for (char key : "0123456789*#".toCharArray()) {
          for (String sound : AnnouncementScript.sounds(position, wait, Optional.of(key))) {
            assertTrue(AnnouncementScript.soundNames().contains(sound), sound);
          }
        }
      }
    }
    assertTrue(AnnouncementScript.soundNames().contains(AnnouncementScript.CALLBACK_THANKS));
  }

  @Test
  void theShippedSoundsDirectoryHasEverySound() {
    Path sounds = Path.of("..", "sip-config", "sounds").toAbsolutePath().normalize();
    for (String name : AnnouncementScript.soundNames()) {
      assertTrue(Files.isRegularFile(sounds.resolve(name + ".wav")), name + ".wav in " + sounds);
    }
  }
}
