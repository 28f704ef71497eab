package org.tawag.sip.registrar;

import java.time.Duration;

/**
 * How long a REGISTER binds its contact (RFC 3261 §10.2.1.1, §10.3 step 7): the Contact's {@code
 * expires} parameter wins over the {@code Expires} header, and without either the registrar's
 * default applies; zero removes; below the minimum is refused with 423; above the maximum is cut.
 */
final class RegistrationExpiry {
  private RegistrationExpiry() {}

  /** What the REGISTER asks for, once the limits are applied. */
  sealed interface Decision {
    /** Remove the binding ({@code expires=0}). */
    record Remove() implements Decision {}

    /** Bind for this long. */
    record Bind(Duration expires) implements Decision {}

    /** 423 Interval Too Brief, with {@code Min-Expires: min}. */
    record TooBrief(Duration min) implements Decision {}
  }

  /**
   * The decision for a request.
   *
   * @param contactExpires the Contact's {@code expires} parameter in seconds, or -1 when absent
   * @param headerExpires the {@code Expires} header in seconds, or -1 when absent
   */
  static Decision decide(long contactExpires, long headerExpires, RegistrarSettings settings) {
    long asked = contactExpires >= 0 ? contactExpires : headerExpires;
    if (asked == 0) {
      return new Decision.Remove();
    }
    if (asked < 0) {
      return new Decision.Bind(settings.defaultExpires());
    }
    Duration d = Duration.ofSeconds(asked);
    if (d.compareTo(settings.minExpires()) < 0) {
      return new Decision.TooBrief(settings.minExpires());
    }
    return new Decision.Bind(d.compareTo(settings.maxExpires()) > 0 ? settings.maxExpires() : d);
  }
}
