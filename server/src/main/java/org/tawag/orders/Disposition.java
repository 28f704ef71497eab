package org.tawag.orders;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * How an operator closed a call: agreed (an order was made), refused with a reason, call back at a
 * time, or one of the closings without an order (no answer, wrong number, information only).
 *
 * <p>{@link #code()} is what {@code calls.disposition} holds: the kind's code, plus the reason or
 * the callback time after a colon ({@code agreed}, {@code refused:too_expensive}, {@code
 * callback:2025-06-30T12:00:00Z}); {@link Kind#code()} alone is the bounded label for reports and
 * metrics.
 *
 * @param reason the refusal reason code for REFUSED, else {@code null}
 * @param callbackAt when to call back for CALLBACK, else {@code null}
 */
public record Disposition(Kind kind, String reason, Instant callbackAt) {

  /** What kind of closing it is. */
  public enum Kind {
    AGREED,
    REFUSED,
    CALLBACK,
    NO_ANSWER,
    WRONG_NUMBER,
    INFORMATION_ONLY;

    /** The code, e.g. {@code wrong_number}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The kind for a code, or empty. */
    public static Optional<Kind> fromCode(String code) {
      for (Kind k : values()) {
        if (k.code().equals(code)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }

    /** Whether a call closed this way must name the order it made (only AGREED). */
    public boolean requiresOrder() {
      return this == AGREED;
    }
  }

  /**
   * Checks the parts fit the kind: a reason exactly for REFUSED, a callback time exactly for
   * CALLBACK. Whether the reason is configured and the time in the future is checked by {@link
   * #validate}, which has the settings and the clock.
   */
  public Disposition {
    if (kind == null) {
      throw new IllegalArgumentException("kind must not be null");
    }
    if ((kind == Kind.REFUSED) != (reason != null)) {
      throw new IllegalArgumentException("a reason goes with REFUSED only, but kind was " + kind);
    }
    if ((kind == Kind.CALLBACK) != (callbackAt != null)) {
      throw new IllegalArgumentException("a callback time goes with CALLBACK only, not " + kind);
    }
  }

  /** A disposition of a kind that takes no reason or time. */
  public static Disposition of(Kind kind) {
    return new Disposition(kind, null, null);
  }

  /** REFUSED for {@code reason}. */
  public static Disposition refused(String reason) {
    return new Disposition(Kind.REFUSED, reason, null);
  }

  /** CALLBACK at {@code at}. */
  public static Disposition callback(Instant at) {
    return new Disposition(Kind.CALLBACK, null, at);
  }

  /**
   * Checks what an operator submitted: {@code disposition} (a kind code), {@code reason} (required
   * for refused, one of the configured refusal reasons) and {@code callbackAt} (required for
   * callback, ISO date-time with offset, after now). Errors are by those field names; a reason or
   * time given with another kind is ignored.
   *
   * @throws ValidationException with every field error found
   */
  public static Disposition validate(
      String kindCode, String reason, String callbackAt, OrderSettings settings, Clock clock) {
    FieldErrors errors = new FieldErrors();
    String k = FieldChecks.trimmed(kindCode);
    Kind kind = null;
    if (k == null) {
      errors.add("disposition", "is required");
    } else {
      kind = Kind.fromCode(k).orElse(null);
      if (kind == null) {
        errors.add(
            "disposition",
            "must be one of agreed, refused, callback, no_answer, wrong_number, information_only");
      }
    }
    String r = null;
    if (kind == Kind.REFUSED) {
      r = FieldChecks.trimmed(reason);
      if (r == null) {
        errors.add("reason", "is required for a refusal");
      } else if (!settings.isRefusalReason(r)) {
        errors.add("reason", "must be one of " + String.join(", ", settings.refusalReasons()));
      }
    }
    Instant at = null;
    if (kind == Kind.CALLBACK) {
      at = FieldChecks.optionalInstant(errors, "callbackAt", callbackAt);
      if (at == null && !errors.has("callbackAt")) {
        errors.add("callbackAt", "is required for a callback");
      } else if (at != null && !at.isAfter(clock.instant())) {
        errors.add("callbackAt", "must be in the future");
      }
    }
    errors.throwIfAny();
    return new Disposition(kind, r, at);
  }

  /** The {@code calls.disposition} value. */
  public String code() {
    return switch (kind) {
      case REFUSED -> kind.code() + ":" + reason;
      case CALLBACK -> kind.code() + ":" + callbackAt;
      default -> kind.code();
    };
  }

  /**
   * The disposition a {@link #code()} was written from.
   *
   * @throws IllegalArgumentException when {@code code} is not one
   */
  public static Disposition fromCode(String code) {
    if (code == null) {
      throw new IllegalArgumentException("disposition code must not be null");
    }
    int colon = code.indexOf(':');
    String head = colon < 0 ? code : code.substring(0, colon);
    String tail = colon < 0 ? null : code.substring(colon + 1);
    Kind kind =
        Kind.fromCode(head)
            .orElseThrow(() -> new IllegalArgumentException("unknown disposition code: " + code));
    boolean takesTail = kind == Kind.REFUSED || kind == Kind.CALLBACK;
    if (takesTail != (tail != null && !tail.isEmpty())) {
      throw new IllegalArgumentException("malformed disposition code: " + code);
    }
    try {
      return switch (kind) {
        case REFUSED -> refused(tail);
        case CALLBACK -> callback(Instant.parse(tail));
        default -> of(kind);
      };
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("bad callback time in disposition code: " + code, e);
    }
  }
}
