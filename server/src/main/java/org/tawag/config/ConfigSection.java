package org.tawag.config;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One object of the resolved configuration with its full path: reads typed values and turns every
 * problem into a {@link ConfigException} naming file, line, full key and value.
 */
final class ConfigSection {
  private final ConfigObject object;
  private final List<String> path;
  private final String key;

  ConfigSection(ConfigObject object, List<String> path) {
    this(object, path, path.isEmpty() ? "" : ConfigUtil.joinPath(path));
  }

  private ConfigSection(ConfigObject object, List<String> path, String key) {
    this.object = object;
    this.path = List.copyOf(path);
    this.key = key;
  }

  /** The full key of this section, e.g. {@code tawag.trunks.local-pbx}. */
  String key() {
    return key;
  }

  /** The full key of a child, quoting it when needed ({@code tawag.dialplan.extensions."_X."}). */
  String key(String name) {
    String child = ConfigUtil.joinPath(List.of(name));
    return key.isEmpty() ? child : key + "." + child;
  }

  /** The last path element: a trunk's or target's name. */
  String name() {
    return path.get(path.size() - 1);
  }

  /** Where this object was written. */
  ConfigOrigin origin() {
    return object.origin();
  }

  /** A problem with this whole section, such as a bad name. */
  ConfigException error(String problem) {
    return new ConfigException(location(object.origin()), key(), null, problem);
  }

  /** The child keys, sorted so errors and lists come out in a stable order. */
  Set<String> names() {
    return new TreeSet<>(object.keySet());
  }

  boolean has(String name) {
    ConfigValue v = object.get(name);
    return v != null && v.valueType() != ConfigValueType.NULL;
  }

  /** Fails on the first key not in {@code known}, so a typo never passes silently. */
  void allowOnly(Collection<String> known) {
    for (String name : names()) {
      if (!known.contains(name)) {
        throw error(name, "unknown key; expected one of " + new TreeSet<>(known));
      }
    }
  }

  ConfigValue value(String name) {
    if (!has(name)) {
      throw new ConfigException(location(object.origin()), key(name), null, "missing");
    }
    return object.get(name);
  }

  ConfigSection section(String name) {
    ConfigValue v = value(name);
    if (v.valueType() != ConfigValueType.OBJECT) {
      throw error(name, "expected an object { ... }");
    }
    List<String> child = new ArrayList<>(path);
    child.add(name);
    return new ConfigSection((ConfigObject) v, child);
  }

  /**
   * The objects of list {@code name}, each a section whose keys read as {@code name[i].child} (e.g.
   * {@code tawag.queues.sales.members[0].level}).
   */
  List<ConfigSection> sectionList(String name) {
    List<ConfigValue> values = list(name);
    List<ConfigSection> out = new ArrayList<>();
    List<String> child = new ArrayList<>(path);
    child.add(name);
    for (int i = 0; i < values.size(); i++) {
      ConfigValue v = values.get(i);
      String elementKey = key(name) + "[" + i + "]";
      if (v.valueType() != ConfigValueType.OBJECT) {
        throw error(v, elementKey, "expected an object { ... }");
      }
      out.add(new ConfigSection((ConfigObject) v, child, elementKey));
    }
    return out;
  }

  Optional<ConfigSection> optionalSection(String name) {
    return has(name) ? Optional.of(section(name)) : Optional.empty();
  }

  String string(String name) {
    return string(value(name), key(name));
  }

  /** The string at {@code name}, which may be empty (an unset path, for example). */
  String stringOrEmpty(String name) {
    ConfigValue v = value(name);
    if (v.valueType() != ConfigValueType.STRING) {
      throw error(v, key(name), "expected a string");
    }
    return ((String) v.unwrapped()).strip();
  }

  Optional<String> optionalString(String name) {
    return has(name) ? Optional.of(string(name)) : Optional.empty();
  }

  /** A non-empty string made only of letters, digits, '-' and '_': a name other keys refer to. */
  String identifier(String name) {
    String s = string(name);
    if (!s.matches("[A-Za-z0-9_-]+")) {
      throw error(name, "expected a name of letters, digits, '-' and '_'");
    }
    return s;
  }

  int integer(String name, int min, int max) {
    ConfigValue v = value(name);
    long n;
    if (v.valueType() == ConfigValueType.NUMBER) {
      Number number = (Number) v.unwrapped();
      if (number.doubleValue() != Math.rint(number.doubleValue())) {
        throw error(name, "expected a whole number");
      }
      n = number.longValue();
    } else if (v.valueType() == ConfigValueType.STRING
        && ((String) v.unwrapped()).trim().matches("-?[0-9]{1,10}")) {
      // Values from environment variables arrive as strings.
      n = Long.parseLong(((String) v.unwrapped()).trim());
    } else {
      throw error(name, "expected a whole number");
    }
    if (n < min || n > max) {
      throw error(name, "out of range " + min + ".." + max);
    }
    return (int) n;
  }

  /** A non-negative duration with a unit ("30s"); a bare number is refused as ambiguous. */
  Duration duration(String name) {
    ConfigValue v = value(name);
    if (v.valueType() == ConfigValueType.NUMBER) {
      throw error(name, "a duration needs a unit, e.g. \"30s\" or \"500ms\"");
    }
    Duration d;
    try {
      d = ConfigFactory.empty().withValue("v", v).getDuration("v");
    } catch (com.typesafe.config.ConfigException e) {
      throw error(name, "not a duration; write e.g. \"30s\", \"500ms\", \"5m\"");
    }
    if (d.isNegative()) {
      throw error(name, "must not be negative");
    }
    return d;
  }

  /** The elements of a list, each with its own origin for error messages. */
  List<ConfigValue> list(String name) {
    ConfigValue v = value(name);
    if (v.valueType() != ConfigValueType.LIST) {
      throw error(name, "expected a list [ ... ]");
    }
    return (ConfigList) v;
  }

  /** A list of strings; an error names the element as {@code key[i]}. */
  List<String> stringList(String name) {
    List<String> out = new ArrayList<>();
    List<ConfigValue> values = list(name);
    for (int i = 0; i < values.size(); i++) {
      out.add(string(values.get(i), key(name) + "[" + i + "]"));
    }
    return out;
  }

  ConfigException error(String name, String problem) {
    return error(object.get(name), key(name), problem);
  }

  static ConfigException error(ConfigValue value, String key, String problem) {
    return new ConfigException(location(value.origin()), key, render(value), problem);
  }

  /** A scalar as a string; unquoted numbers keep their text as written. */
  static String string(ConfigValue v, String key) {
    ConfigValueType type = v.valueType();
    if (type == ConfigValueType.OBJECT || type == ConfigValueType.LIST) {
      throw error(v, key, "expected a string");
    }
    String s;
    try {
      s = ConfigFactory.empty().withValue("v", v).getString("v");
    } catch (com.typesafe.config.ConfigException e) {
      throw error(v, key, "expected a string");
    }
    if (s.isBlank()) {
      throw error(v, key, "must not be empty");
    }
    return s;
  }

  static String render(ConfigValue v) {
    return v.render(ConfigRenderOptions.concise());
  }

  /** "file:line", or the resource, or the origin's description (an environment variable). */
  static String location(ConfigOrigin origin) {
    String where = origin.filename() != null ? origin.filename() : origin.resource();
    if (where == null) {
      return origin.description();
    }
    return origin.lineNumber() > 0 ? where + ":" + origin.lineNumber() : where;
  }
}
