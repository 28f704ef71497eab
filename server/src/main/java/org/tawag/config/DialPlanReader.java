package org.tawag.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.tawag.dialplan.ConfigDialPlan;
import org.tawag.dialplan.ExtensionPattern;
import org.tawag.dialplan.Route;

/**
 * Reads and checks {@code tawag.dialplan}: every extension key parses, every referenced target
 * exists, every target has a known type and only the keys of that type, and every sound is a WAV
 * file in the sounds directory.
 */
final class DialPlanReader {
  /** How long an IVR waits for a digit when {@code digit-timeout} is absent. */
  static final Duration DEFAULT_DIGIT_TIMEOUT = Duration.ofSeconds(5);

  /** How many times an IVR prompt plays when {@code max-attempts} is absent. */
  static final int DEFAULT_MAX_ATTEMPTS = 3;

  private static final Map<String, Set<String>> KEYS_BY_TYPE =
      Map.of(
          "echo", Set.of("type"),
          "announcement", Set.of("type", "sound", "next"),
          "ivr",
              Set.of(
                  "type",
                  "prompt",
                  "choices",
                  "digit-timeout",
                  "max-attempts",
                  "invalid-sound",
                  "on-failure"),
          "queue", Set.of("type", "queue"),
          "reject", Set.of("type", "code", "reason"));

  private static final String DTMF_KEY = "[0-9*#A-D]+";
  private static final String SOUND_NAME =
      "[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*";

  private final Path soundsDir;
  private final Set<String> targetNames;
  private final Set<String> queueNames;

  private DialPlanReader(Path soundsDir, Set<String> targetNames, Set<String> queueNames) {
    this.soundsDir = soundsDir;
    this.targetNames = targetNames;
    this.queueNames = queueNames;
  }

  /**
   * Reads the dial plan.
   *
   * @param queueNames the queues declared under {@code tawag.queues}; a {@code queue} target must
   *     name one of them
   */
  static ConfigDialPlan read(ConfigSection dialplan, Path soundsDir, Set<String> queueNames) {
    dialplan.allowOnly(Set.of("extensions", "targets"));
    ConfigSection targetsSection = dialplan.section("targets");
    DialPlanReader reader = new DialPlanReader(soundsDir, targetsSection.names(), queueNames);
    Map<String, Route> targets = new TreeMap<>();
    for (String name : targetsSection.names()) {
      targets.put(name, reader.target(targetsSection.section(name)));
    }
    ConfigSection extensionsSection = dialplan.section("extensions");
    Map<String, String> extensions = new LinkedHashMap<>();
    for (String key : extensionsSection.names()) {
      try {
        ExtensionPattern.parse(key);
      } catch (IllegalArgumentException e) {
        throw extensionsSection.error(key, e.getMessage());
      }
      extensions.put(key, reader.reference(extensionsSection, key));
    }
    return new ConfigDialPlan(extensions, targets);
  }

  private Route target(ConfigSection t) {
    String name = t.name();
    if (!name.matches("[A-Za-z0-9_-]+")) {
      throw t.error("a target name has only letters, digits, '-' and '_'");
    }
    String type = t.string("type");
    Set<String> keys = KEYS_BY_TYPE.get(type);
    if (keys == null) {
      throw t.error(
          "type", "unknown target type; expected one of " + new TreeMap<>(KEYS_BY_TYPE).keySet());
    }
    t.allowOnly(keys);
    return switch (type) {
      case "echo" -> new Route.Echo(name);
      case "announcement" ->
          new Route.Announcement(name, sound(t, "sound"), optionalReference(t, "next"));
      case "ivr" -> ivr(t);
      case "queue" -> new Route.Queue(name, queue(t));
      case "reject" -> new Route.Reject(name, t.integer("code", 400, 699), t.string("reason"));
      default -> throw new IllegalStateException("type table and switch disagree on " + type);
    };
  }

  private Route.Ivr ivr(ConfigSection t) {
    ConfigSection choicesSection = t.section("choices");
    Map<String, String> choices = new TreeMap<>();
    for (String digits : choicesSection.names()) {
      if (!digits.matches(DTMF_KEY)) {
        throw choicesSection.error(
            digits, "a choice key is DTMF digits 0-9, *, #, A-D (quote it: \"*\" = ...)");
      }
      choices.put(digits, reference(choicesSection, digits));
    }
    if (choices.isEmpty()) {
      throw t.error("choices", "an IVR needs at least one choice");
    }
    Duration digitTimeout =
        t.has("digit-timeout") ? t.duration("digit-timeout") : DEFAULT_DIGIT_TIMEOUT;
    if (digitTimeout.isZero()) {
      throw t.error("digit-timeout", "must be more than 0s");
    }
    return new Route.Ivr(
        t.name(),
        sound(t, "prompt"),
        choices,
        digitTimeout,
        t.has("max-attempts") ? t.integer("max-attempts", 1, 100) : DEFAULT_MAX_ATTEMPTS,
        t.has("invalid-sound") ? Optional.of(sound(t, "invalid-sound")) : Optional.empty(),
        optionalReference(t, "on-failure"));
  }

  private String queue(ConfigSection t) {
    String queue = t.identifier("queue");
    if (!queueNames.contains(queue)) {
      throw t.error("queue", "no such queue in tawag.queues " + queueNames);
    }
    return queue;
  }

  private String reference(ConfigSection section, String key) {
    String name = section.string(key);
    if (!targetNames.contains(name)) {
      throw section.error(key, "no such target in tawag.dialplan.targets " + targetNames);
    }
    return name;
  }

  private Optional<String> optionalReference(ConfigSection section, String key) {
    return section.has(key) ? Optional.of(reference(section, key)) : Optional.empty();
  }

  private String sound(ConfigSection t, String key) {
    return sound(t, key, soundsDir);
  }

  /** The sound named by {@code key}, checked to be a WAV file in {@code soundsDir}. */
  static String sound(ConfigSection t, String key, Path soundsDir) {
    String name = t.string(key);
    if (name.endsWith(".wav")) {
      throw t.error(key, "name the sound without \".wav\"");
    }
    if (!name.matches(SOUND_NAME) || name.contains("..")) {
      throw t.error(key, "a sound name has letters, digits, '.', '-', '_' and '/' between parts");
    }
    Path file = soundsDir.resolve(name + ".wav");
    if (!Files.isRegularFile(file)) {
      throw t.error(key, "sound file " + file + " not found");
    }
    return name;
  }
}
