package org.tawag.metrics;

import java.util.Locale;
import java.util.Set;
import org.tawag.orders.Disposition;

/** Maps free text to bounded label values; anything unknown becomes {@code other}. */
final class Labels {
  static final String OTHER = "other";

  /** The {@code trunk} label of calls to and from registered phones. */
  static final String PHONE = "phone";

  private Labels() {}

  /** A known pause reason as snake case ({@code no_answer}), else {@code other}. */
  static String reason(String reason, Set<String> known) {
    if (reason == null || !known.contains(reason)) {
      return OTHER;
    }
    return reason.toLowerCase(Locale.ROOT).replace(' ', '_');
  }

  /** The disposition's kind ({@code refused} of {@code refused:bad_time}), else {@code other}. */
  static String dispositionKind(String disposition) {
    if (disposition == null) {
      return OTHER;
    }
    int colon = disposition.indexOf(':');
    String code = colon < 0 ? disposition : disposition.substring(0, colon);
    return Disposition.Kind.fromCode(code).map(Disposition.Kind::code).orElse(OTHER);
  }

  /** A configured trunk's name, {@code phone} for {@code phone:<user>}, else {@code other}. */
  static String trunk(String trunk, Set<String> configured) {
    if (trunk == null) {
      return OTHER;
    }
    if (trunk.startsWith("phone:") || trunk.equals(PHONE)) {
      return PHONE;
    }
    return configured.contains(trunk) ? trunk : OTHER;
  }
}
