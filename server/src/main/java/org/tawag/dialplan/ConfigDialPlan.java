package org.tawag.dialplan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The dial plan read from {@code sip-config/dialplan.conf}: extensions (exact numbers and {@code _}
 * patterns) pointing at named targets. Matching follows {@link ExtensionPattern}: an exact number
 * wins, then the most specific pattern.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class ConfigDialPlan implements DialPlan {
  private final Map<String, String> exact = new TreeMap<>();
  private final List<Map.Entry<ExtensionPattern, String>> patterns = new ArrayList<>();
  private final Map<String, Route> targets;

  /**
   * Builds a dial plan and checks that every name it refers to exists.
   *
   * @param extensions dial plan key (number or {@code _} pattern) to target name
   * @param targets target name to route; each route's {@code name()} must equal its key
   * @throws IllegalArgumentException naming the key when a pattern is malformed, a target is
   *     missing or misnamed, or a route refers to a target that does not exist
   */
  public ConfigDialPlan(Map<String, String> extensions, Map<String, Route> targets) {
    this.targets = Map.copyOf(targets);
    for (Map.Entry<String, Route> e : this.targets.entrySet()) {
      if (!e.getKey().equals(e.getValue().name())) {
        throw new IllegalArgumentException(
            "target '" + e.getKey() + "' holds a route named '" + e.getValue().name() + "'");
      }
      for (String ref : references(e.getValue())) {
        requireTarget(ref, "target '" + e.getKey() + "'");
      }
    }
    for (Map.Entry<String, String> e : extensions.entrySet()) {
      ExtensionPattern pattern = ExtensionPattern.parse(e.getKey());
      requireTarget(e.getValue(), "extension '" + e.getKey() + "'");
      if (pattern.isExact()) {
        exact.put(e.getKey(), e.getValue());
      } else {
        patterns.add(Map.entry(pattern, e.getValue()));
      }
    }
    patterns.sort(Map.Entry.comparingByKey(ExtensionPattern.MOST_SPECIFIC_FIRST));
  }

  /** The target names a route can lead to: announcement next, IVR choices and on-failure. */
  public static List<String> references(Route route) {
    List<String> refs = new ArrayList<>();
    if (route instanceof Route.Announcement a) {
      a.next().ifPresent(refs::add);
    } else if (route instanceof Route.Ivr ivr) {
      refs.addAll(new TreeMap<>(ivr.choices()).values());
      ivr.onFailure().ifPresent(refs::add);
    }
    return refs;
  }

  private void requireTarget(String name, String referrer) {
    if (!targets.containsKey(name)) {
      throw new IllegalArgumentException(referrer + " refers to unknown target '" + name + "'");
    }
  }

  @Override
  public Optional<Route> resolve(String dialledNumber) {
    String name = exact.get(dialledNumber);
    if (name == null) {
      name =
          patterns.stream()
              .filter(p -> p.getKey().matches(dialledNumber))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(null);
    }
    return Optional.ofNullable(name).map(targets::get);
  }

  @Override
  public Route target(String name) {
    Route route = targets.get(name);
    if (route == null) {
      throw new IllegalArgumentException("no dial plan target named '" + name + "'");
    }
    return route;
  }

  /** Every target by name. */
  public Map<String, Route> targets() {
    return targets;
  }

  /** Every extension key (numbers first, then patterns most specific first) to target name. */
  public Map<String, String> extensions() {
    Map<String, String> out = new LinkedHashMap<>(exact);
    patterns.forEach(p -> out.put(p.getKey().text(), p.getValue()));
    return out;
  }
}
