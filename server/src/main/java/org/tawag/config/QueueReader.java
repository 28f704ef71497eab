package org.tawag.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tawag.acd.AcdConfig;
import org.tawag.acd.Member;
import org.tawag.acd.Overflow;
import org.tawag.acd.QueueSpec;
import org.tawag.acd.Strategy;
import org.tawag.acd.WhenNoAgents;

/**
 * Reads and checks {@code tawag.queues} into an {@link AcdConfig} and the queues' {@link
 * QueueMedia}. A key a queue leaves out comes from {@code tawag.queue-defaults}, so an error names
 * whichever of the two the value was read from.
 */
final class QueueReader {
  /** Keys that {@code tawag.queue-defaults} may set: every queue key except its members. */
  static final Set<String> DEFAULT_KEYS =
      Set.of(
          "strategy",
          "offer-timeout",
          "wrap-up",
          "max-wait",
          "max-length",
          "overflow",
          "when-no-agents",
          "service-level",
          "announce-every",
          "music",
          "callback-key");

  private static final Set<String> QUEUE_KEYS =
      Stream.concat(DEFAULT_KEYS.stream(), Stream.of("members")).collect(Collectors.toSet());
  private static final Set<String> MEMBER_KEYS = Set.of("agent", "level");
  private static final String QUEUE_PREFIX = "queue:";
  private static final String TARGET_PREFIX = "target:";
  private static final String HANGUP = "hangup";

  private final ConfigSection defaults;
  private final Set<String> queueNames;
  private final Set<String> targetNames;
  private final Path soundsDir;

  private QueueReader(
      ConfigSection defaults, Set<String> queueNames, Set<String> targetNames, Path soundsDir) {
    this.defaults = defaults;
    this.queueNames = queueNames;
    this.targetNames = targetNames;
    this.soundsDir = soundsDir;
  }

  /** {@value QueueMedia#RING}, or a sound that must exist. */
  private static String music(ConfigSection section, Path soundsDir) {
    if (section.has("music") && QueueMedia.RING.equals(section.string("music"))) {
      return QueueMedia.RING;
    }
    return DialPlanReader.sound(section, "music", soundsDir);
  }

  /** {@value QueueMedia#NO_CALLBACK_KEY} (empty), or one of 0-9, * and #. */
  private static Optional<Character> callbackKey(ConfigSection section) {
    if (!section.has("callback-key")) {
      return Optional.empty();
    }
    String text = section.string("callback-key");
    if (text.equals(QueueMedia.NO_CALLBACK_KEY)) {
      return Optional.empty();
    }
    if (text.length() != 1 || !QueueMedia.isCallbackKey(text.charAt(0))) {
      throw section.error(
          "callback-key", "expected none or one key: 0-9, \"*\" or \"#\" (quote * and #)");
    }
    return Optional.of(text.charAt(0));
  }

  /** The queues and their members and music, in queue-name order. */
  record Queues(AcdConfig acd, List<QueueMedia> media) {}

  /**
   * Reads every {@code tawag.queues.<name>}.
   *
   * @param targetNames the dial plan's target names, which a {@code target:} overflow must name
   */
  static Queues read(
      ConfigSection queues, ConfigSection defaults, Set<String> targetNames, Path soundsDir) {
    defaults.allowOnly(DEFAULT_KEYS);
    QueueReader reader = new QueueReader(defaults, queues.names(), targetNames, soundsDir);
    List<QueueSpec> specs = new ArrayList<>();
    List<Member> members = new ArrayList<>();
    List<QueueMedia> media = new ArrayList<>();
    for (String name : queues.names()) {
      ConfigSection q = queues.section(name);
      specs.add(reader.spec(q));
      members.addAll(reader.members(q));
      media.add(
          new QueueMedia(
              name,
              music(reader.from(q, "music"), soundsDir),
              callbackKey(reader.from(q, "callback-key"))));
    }
    try {
      return new Queues(new AcdConfig(specs, members), media);
    } catch (IllegalArgumentException e) {
      // The checks above should have caught it; still name the file and section.
      throw new ConfigException(
          ConfigSection.location(queues.origin()), queues.key(), null, e.getMessage());
    }
  }

  /** The section a key is read from: the queue when it sets the key, else the defaults. */
  private ConfigSection from(ConfigSection q, String key) {
    return q.has(key) ? q : defaults;
  }

  private QueueSpec spec(ConfigSection q) {
    String name = q.name();
    if (!name.matches("[A-Za-z0-9_-]+")) {
      throw q.error("a queue name has only letters, digits, '-' and '_'");
    }
    q.allowOnly(QUEUE_KEYS);
    try {
      return new QueueSpec(
          name,
          strategy(from(q, "strategy")),
          positive(from(q, "offer-timeout"), "offer-timeout"),
          from(q, "wrap-up").duration("wrap-up"),
          from(q, "max-wait").duration("max-wait"),
          from(q, "max-length").integer("max-length", 0, Integer.MAX_VALUE),
          overflow(from(q, "overflow"), name),
          whenNoAgents(from(q, "when-no-agents")),
          positive(from(q, "service-level"), "service-level"),
          from(q, "announce-every").duration("announce-every"));
    } catch (IllegalArgumentException e) {
      throw q.error(e.getMessage());
    }
  }

  private static Strategy strategy(ConfigSection s) {
    return enumValue(s, "strategy", Strategy.values());
  }

  private static WhenNoAgents whenNoAgents(ConfigSection s) {
    return enumValue(s, "when-no-agents", WhenNoAgents.values());
  }

  /** The constant whose kebab-case name ({@code LONGEST_IDLE} is "longest-idle") is the value. */
  private static <E extends Enum<E>> E enumValue(ConfigSection s, String key, E[] values) {
    String text = s.string(key);
    for (E e : values) {
      if (kebab(e).equals(text)) {
        return e;
      }
    }
    throw s.error(
        key,
        "expected one of "
            + Stream.of(values).map(QueueReader::kebab).collect(Collectors.joining(", ")));
  }

  private static String kebab(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static Duration positive(ConfigSection s, String key) {
    Duration d = s.duration(key);
    if (d.isZero()) {
      throw s.error(key, "must be more than 0s");
    }
    return d;
  }

  private Overflow overflow(ConfigSection s, String queue) {
    String text = s.string("overflow");
    if (text.equals(HANGUP)) {
      return new Overflow.HangUp();
    }
    if (text.startsWith(QUEUE_PREFIX)) {
      String other = text.substring(QUEUE_PREFIX.length());
      if (other.equals(queue)) {
        throw s.error("overflow", "a queue cannot overflow to itself");
      }
      if (!queueNames.contains(other)) {
        throw s.error("overflow", "no such queue in tawag.queues " + queueNames);
      }
      return new Overflow.ToQueue(other);
    }
    if (text.startsWith(TARGET_PREFIX)) {
      String target = text.substring(TARGET_PREFIX.length());
      if (!targetNames.contains(target)) {
        throw s.error("overflow", "no such target in tawag.dialplan.targets " + targetNames);
      }
      return new Overflow.ToTarget(target);
    }
    throw s.error(
        "overflow", "expected hangup, \"queue:<queue name>\" or \"target:<target name>\"");
  }

  private List<Member> members(ConfigSection q) {
    if (!q.has("members")) {
      return List.of();
    }
    List<Member> members = new ArrayList<>();
    Set<String> agents = new HashSet<>();
    for (ConfigSection m : q.sectionList("members")) {
      m.allowOnly(MEMBER_KEYS);
      String agent = m.identifier("agent");
      int level =
          m.has("level")
              ? m.integer("level", Member.MIN_LEVEL, Member.MAX_LEVEL)
              : Member.MIN_LEVEL;
      if (!agents.add(agent)) {
        throw m.error("agent", "agent " + agent + " is listed twice in queue " + q.name());
      }
      members.add(new Member(agent, q.name(), level));
    }
    return members;
  }
}
