package org.tawag.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each broken queue fails at load with a {@link ConfigException} naming the file and line, the full
 * key and the bad value.
 */
class QueueConfigErrorTest {
  @TempDir Path dir;

  private static final String INCLUDES =
      "include required(\"dialplan.conf\")\ninclude required(\"queues.conf\")\n";

  /** Queue {@code a}'s body sits alone on line 3, so every error in it names queues.conf:3. */
  private static String queues(String bodyOfA) {
    return "tawag.queues {\n"
        + "  a {\n"
        + "    "
        + bodyOfA
        + "\n"
        + "  }\n"
        + "  b { members = [{ agent = x }] }\n"
        + "}\n";
  }

  private static final String DIAL_PLAN =
      "tawag.dialplan {\n"
          + "  extensions { \"100\" = hello, \"200\" = to-a }\n"
          + "  targets {\n"
          + "    hello { type = announcement, sound = hello }\n"
          + "    to-a { type = queue, queue = a }\n"
          + "  }\n"
          + "}\n";

  @BeforeEach
  void writeWorkingConfig() throws IOException {
    write("tawag.conf", INCLUDES);
    write("dialplan.conf", DIAL_PLAN);
    write("queues.conf", queues("strategy = skills"));
    Files.createDirectories(dir.resolve("sounds"));
    write("sounds/hello.wav", "RIFF");
    write("sounds/hold-music.wav", "RIFF");
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(dir.resolve(name), content);
  }

  private ConfigException loadFails() {
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(dir, Map.of()));
  }

  private static void assertMentions(ConfigException e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
    }
  }

  @Test
  void workingConfigLoads() {
    TawagConfig config = ConfigLoader.load(dir, Map.of());
    assertEquals(2, config.acd().queues().size());
  }

  @Test
  void badStrategyNamesFileLineKeyValueAndTheChoices() throws IOException {
    write("queues.conf", queues("strategy = fastest"));

    ConfigException e = loadFails();

    assertTrue(
        e.getMessage()
            .endsWith(
                "queues.conf:3: tawag.queues.a.strategy = \"fastest\": expected one of"
                    + " longest-idle, round-robin, fewest-calls, ring-all, skills"),
        e.getMessage());
    assertEquals(Optional.of("tawag.queues.a.strategy"), e.key());
  }

  static Stream<Arguments> badQueues() {
    return Stream.of(
        Arguments.of(
            "overflow = voicemail",
            "tawag.queues.a.overflow = \"voicemail\"",
            "expected hangup, \"queue:<queue name>\" or \"target:<target name>\""),
        Arguments.of(
            "overflow = \"queue:nope\"",
            "tawag.queues.a.overflow = \"queue:nope\"",
            "no such queue in tawag.queues [a, b]"),
        Arguments.of(
            "overflow = \"queue:a\"",
            "tawag.queues.a.overflow = \"queue:a\"",
            "a queue cannot overflow to itself"),
        Arguments.of(
            "overflow = \"target:nope\"",
            "tawag.queues.a.overflow = \"target:nope\"",
            "no such target in tawag.dialplan.targets [hello, to-a]"),
        Arguments.of(
            "members = [{ agent = x, level = 0 }]",
            "tawag.queues.a.members[0].level = 0",
            "out of range 1..10"),
        Arguments.of(
            "members = [{ agent = x, level = 11 }]",
            "tawag.queues.a.members[0].level = 11",
            "out of range 1..10"),
        Arguments.of(
            "members = [{ agent = x }, { agent = y }, { agent = x, level = 3 }]",
            "tawag.queues.a.members[2].agent = \"x\"",
            "agent x is listed twice in queue a"),
        Arguments.of(
            "members = [{ agent = x, levle = 3 }]",
            "tawag.queues.a.members[0].levle = 3",
            "unknown key"),
        Arguments.of("members = [ x ]", "tawag.queues.a.members[0] = \"x\"", "expected an object"),
        Arguments.of("max-wiat = 10s", "tawag.queues.a.max-wiat = \"10s\"", "unknown key"),
        Arguments.of("wrap-up = -1s", "tawag.queues.a.wrap-up = \"-1s\"", "must not be negative"),
        Arguments.of("max-wait = 30", "tawag.queues.a.max-wait = 30", "needs a unit"),
        Arguments.of(
            "offer-timeout = 0s", "tawag.queues.a.offer-timeout = \"0s\"", "must be more than 0s"),
        Arguments.of("max-length = -1", "tawag.queues.a.max-length = -1", "out of range"),
        Arguments.of(
            "when-no-agents = hangup",
            "tawag.queues.a.when-no-agents = \"hangup\"",
            "expected one of wait, overflow"),
        Arguments.of("music = jazz", "tawag.queues.a.music = \"jazz\"", "jazz.wav not found"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badQueues")
  void badQueueKeyNamesFileLineKeyAndValue(String body, String keyAndValue, String problem)
      throws IOException {
    write("queues.conf", queues(body));

    assertMentions(loadFails(), "queues.conf:3: " + keyAndValue + ": ", problem);
  }

  @Test
  void dialPlanQueueTargetMustNameADeclaredQueue() throws IOException {
    write("dialplan.conf", DIAL_PLAN.replace("queue = a", "queue = nosuch"));

    assertMentions(
        loadFails(),
        "dialplan.conf:5: tawag.dialplan.targets.to-a.queue = \"nosuch\"",
        "no such queue in tawag.queues [a, b]");
  }

  @Test
  void badQueueNameIsRefused() throws IOException {
    write("queues.conf", "tawag.queues { a {}, \"a b\" { strategy = skills } }\n");

    assertMentions(loadFails(), "queues.conf:1: tawag.queues.\"a b\"", "a queue name has only");
  }

  @Test
  void badDefaultNamesTheDefaultsKeyAndTheFileThatSetIt() throws IOException {
    write("tawag.conf", INCLUDES + "tawag.queue-defaults.strategy = fastest\n");
    write("queues.conf", queues("max-wait = 10s"));

    assertMentions(
        loadFails(),
        "tawag.conf:3: tawag.queue-defaults.strategy = \"fastest\"",
        "expected one of longest-idle");
  }

  @Test
  void unknownDefaultsKeyIsRefused() throws IOException {
    write("tawag.conf", INCLUDES + "tawag.queue-defaults.members = []\n");

    assertMentions(loadFails(), "tawag.conf:3: tawag.queue-defaults.members", "unknown key");
  }

  @Test
  void missingDefaultMusicNamesTheDefaultsKey() throws IOException {
    Files.delete(dir.resolve("sounds/hold-music.wav"));

    assertMentions(
        loadFails(), "tawag.queue-defaults.music = \"hold-music\"", "hold-music.wav not found");
  }
}
