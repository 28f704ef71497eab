package org.tawag.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code callback-key}: none by default, one of 0-9, * and # per queue or in queue-defaults. */
class QueueCallbackKeyConfigTest {
  @TempDir Path dir;

  @Test
  void noKeyByDefault() throws IOException {
    write("tawag.queues.q { members = [{ agent = a }] }\n");

    assertEquals(List.of(new QueueMedia("q", "hold-music")), load().queueMedia());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"*\"", "\"#\"", "0", "\"9\""})
  void queueSetsItsKey(String value) throws IOException {
    write("tawag.queues.q { callback-key = " + value + " }\n");

    char key = value.replace("\"", "").charAt(0);
    assertEquals(Optional.of(key), load().queueMedia().get(0).callbackKey());
  }

  @Test
  void defaultsApplyUnlessTheQueueSaysNone() throws IOException {
    write(
        "tawag.queue-defaults.callback-key = \"#\"\n"
            + "tawag.queues { a {}, b { callback-key = none } }\n");

    assertEquals(
        List.of(
            new QueueMedia("a", "hold-music", Optional.of('#')),
            new QueueMedia("b", "hold-music", Optional.empty())),
        load().queueMedia());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"**\"", "A", "\"x\"", "12"})
  void anotherValueFailsNamingTheKey(String value) throws IOException {
    write("tawag.queues.q { callback-key = " + value + " }\n");

    ConfigException e = assertThrows(ConfigException.class, this::load);
    assertTrue(e.getMessage().contains("tawag.queues.q.callback-key"), e.getMessage());
  }

  @Test
  void mediaRefusesAKeyThatIsNoDigit() {
    assertThrows(IllegalArgumentException.class, () -> new QueueMedia("q", "m", Optional.of('A')));
  }

  private TawagConfig load() {
    return ConfigLoader.load(dir, Map.of());
  }

  private void write(String conf) throws IOException {
    Files.writeString(dir.resolve(ConfigLoader.MAIN_FILE), conf);
    Files.createDirectories(dir.resolve("sounds"));
    Files.writeString(dir.resolve("sounds/hold-music.wav"), "RIFF");
  }
}
