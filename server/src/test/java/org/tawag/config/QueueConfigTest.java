package org.tawag.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.acd.AcdConfig;
import org.tawag.acd.Member;
import org.tawag.acd.Overflow;
import org.tawag.acd.QueueSpec;
import org.tawag.acd.Strategy;
import org.tawag.acd.WhenNoAgents;

/**
 * {@code tawag.queues} becomes an {@link AcdConfig}, with {@code tawag.queue-defaults} filled in.
 */
class QueueConfigTest {
  private static final Duration OFFER = Duration.ofSeconds(15);
  private static final Duration WRAP_UP = Duration.ofSeconds(10);
  private static final Duration SERVICE_LEVEL = Duration.ofSeconds(20);
  private static final Duration ANNOUNCE = Duration.ofSeconds(30);

  @Test
  void demoConfigHasSupportSalesAndOutboundWithTheirMembersAndOverflows() {
    TawagConfig config = ConfigLoader.load(ConfigLoaderTest.SIP_CONFIG, Map.of());

    assertEquals(
        List.of(
            new QueueSpec(
                "outbound",
                Strategy.LONGEST_IDLE,
                OFFER,
                WRAP_UP,
                Duration.ofSeconds(60),
                0,
                new Overflow.ToTarget("goodbye"),
                WhenNoAgents.WAIT,
                SERVICE_LEVEL,
                ANNOUNCE),
            new QueueSpec(
                "sales",
                Strategy.SKILLS,
                OFFER,
                WRAP_UP,
                Duration.ofSeconds(60),
                0,
                new Overflow.ToQueue("support"),
                WhenNoAgents.WAIT,
                SERVICE_LEVEL,
                ANNOUNCE),
            new QueueSpec(
                "support",
                Strategy.LONGEST_IDLE,
                OFFER,
                WRAP_UP,
                Duration.ofSeconds(120),
                0,
                new Overflow.ToTarget("goodbye"),
                WhenNoAgents.WAIT,
                SERVICE_LEVEL,
                ANNOUNCE)),
        config.acd().queues());
    assertEquals(
        List.of(
            new Member("bob", "outbound", 1),
            new Member("carol", "outbound", 1),
            new Member("alice", "sales", 9),
            new Member("carol", "sales", 5),
            new Member("alice", "support", 1),
            new Member("bob", "support", 1)),
        config.acd().members());
    assertEquals(
        List.of(
            new QueueMedia("outbound", "hold-music", Optional.empty()),
            new QueueMedia("sales", QueueMedia.RING),
            new QueueMedia("support", "hold-music", Optional.of('*'))),
        config.queueMedia());
  }

  @Test
  void absentKeysTakeTheDocumentedDefaults(@TempDir Path dir) throws IOException {
    writeMinimal(dir, "tawag.queues.q { members = [{ agent = a }] }\n");

    TawagConfig config = ConfigLoader.load(dir, Map.of());

    assertEquals(
        new AcdConfig(
            List.of(
                new QueueSpec(
                    "q",
                    Strategy.LONGEST_IDLE,
                    OFFER,
                    WRAP_UP,
                    Duration.ZERO,
                    0,
                    new Overflow.HangUp(),
                    WhenNoAgents.WAIT,
                    SERVICE_LEVEL,
                    ANNOUNCE)),
            List.of(new Member("a", "q", Member.MIN_LEVEL))),
        config.acd());
    assertEquals(List.of(new QueueMedia("q", "hold-music")), config.queueMedia());
  }

  @Test
  void queueDefaultsSetByTheAdminApplyToEveryQueueUnlessTheQueueSetsTheKey(@TempDir Path dir)
      throws IOException {
    writeMinimal(
        dir,
        "tawag.queue-defaults { wrap-up = 5s, strategy = ring-all, max-length = 7 }\n"
            + "tawag.queues {\n"
            + "  q1 { strategy = fewest-calls }\n"
            + "  q2 {\n"
            + "    strategy = round-robin\n"
            + "    when-no-agents = overflow\n"
            + "    overflow = \"queue:q1\"\n"
            + "    offer-timeout = 20s\n"
            + "    service-level = 30s\n"
            + "    announce-every = 0s\n"
            + "    max-wait = 2m\n"
            + "  }\n"
            + "}\n");

    List<QueueSpec> queues = ConfigLoader.load(dir, Map.of()).acd().queues();

    assertEquals(
        QueueSpec.of("q1", Strategy.FEWEST_CALLS)
            .withWrapUp(Duration.ofSeconds(5))
            .withMaxLength(7)
            .withAnnounceEvery(ANNOUNCE),
        queues.get(0));
    assertEquals(
        new QueueSpec(
            "q2",
            Strategy.ROUND_ROBIN,
            Duration.ofSeconds(20),
            Duration.ofSeconds(5),
            Duration.ofMinutes(2),
            7,
            new Overflow.ToQueue("q1"),
            WhenNoAgents.OVERFLOW,
            Duration.ofSeconds(30),
            Duration.ZERO),
        queues.get(1));
  }

  @Test
  void noQueuesIsAnEmptyAcd(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(ConfigLoader.MAIN_FILE), "# all defaults\n");

    TawagConfig config = ConfigLoader.load(dir, Map.of());

    assertEquals(new AcdConfig(List.of(), List.of()), config.acd());
    assertEquals(List.of(), config.queueMedia());
  }

  private static void writeMinimal(Path dir, String conf) throws IOException {
    Files.writeString(dir.resolve(ConfigLoader.MAIN_FILE), conf);
    Files.createDirectories(dir.resolve("sounds"));
    Files.writeString(dir.resolve("sounds/hold-music.wav"), "RIFF");
  }
}
