package org.tawag.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseSettingsTest {
  static final Path DIR = Path.of("/var/lib/tawag");
  static final Duration T = Duration.ofSeconds(5);

  static Stream<Arguments> badSettings() {
    return Stream.of(
        Arguments.of("jdbcUrl", s(() -> new DatabaseSettings("h2:x", "", "", 4, 1, 1, DIR, T))),
        Arguments.of("user", s(() -> new DatabaseSettings("jdbc:h2:x", null, "", 4, 1, 1, DIR, T))),
        Arguments.of(
            "maxPoolSize", s(() -> new DatabaseSettings("jdbc:h2:x", "", "", 0, 1, 1, DIR, T))),
        Arguments.of(
            "writerQueueCapacity",
            s(() -> new DatabaseSettings("jdbc:h2:x", "", "", 4, 0, 1, DIR, T))),
        Arguments.of(
            "batchSize", s(() -> new DatabaseSettings("jdbc:h2:x", "", "", 4, 1, 0, DIR, T))),
        Arguments.of(
            "spoolDir", s(() -> new DatabaseSettings("jdbc:h2:x", "", "", 4, 1, 1, null, T))),
        Arguments.of(
            "connectionTimeout",
            s(
                () ->
                    new DatabaseSettings(
                        "jdbc:h2:x", "", "", 4, 1, 1, DIR, Duration.ofMillis(10)))));
  }

  private static Supplier<?> s(Supplier<?> supplier) {
    return supplier;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSettings")
  void badValueIsAnErrorNamingIt(String field, Supplier<?> make) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::get);
    assertTrue(e.getMessage().startsWith(field + " "), e.getMessage());
  }

  @Test
  void toStringHidesThePassword() {
    DatabaseSettings s =
        DatabaseSettings.h2File(DIR).withUrl("jdbc:postgresql://db/tawag", "tawag", "s3cret");
    assertFalse(s.toString().contains("s3cret"), s.toString());
    assertTrue(s.toString().contains("password=***"), s.toString());
  }

  @Test
  void h2DefaultsUseThePortableMode() {
    DatabaseSettings s = DatabaseSettings.h2File(DIR);
    assertTrue(s.jdbcUrl().startsWith("jdbc:h2:file:/var/lib/tawag/tawag;MODE=PostgreSQL"));
    assertTrue(s.spoolDir().endsWith("spool"));
  }
}
