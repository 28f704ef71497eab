package org.tawag.api;

import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Typed query parameters. Each reader returns the value, or {@code null} after answering 400 naming
 * the parameter; an absent parameter gives the default (wrapped in {@link Optional} for the
 * optional ones). A parameter given twice is refused: which one would win is a guess.
 */
final class QueryParams {
  private QueryParams() {}

  /** The one value of {@code name}, empty when absent; {@code null} after a 400 for repeats. */
  static Optional<String> single(RoutingContext ctx, String name) {
    List<String> all = ctx.queryParam(name);
    if (all.size() > 1) {
      Replies.badField(ctx, name, "must be given once");
      return null;
    }
    return all.isEmpty() || all.get(0).isBlank() ? Optional.empty() : Optional.of(all.get(0));
  }

  static Integer integer(RoutingContext ctx, String name, int dflt, int min, int max) {
    Optional<String> raw = single(ctx, name);
    if (raw == null) {
      return null;
    }
    if (raw.isEmpty()) {
      return dflt;
    }
    String s = raw.get().strip();
    if (!s.matches("\\d{1,10}") || Long.parseLong(s) < min || Long.parseLong(s) > max) {
      Replies.badField(ctx, name, "must be a whole number from " + min + " to " + max);
      return null;
    }
    return Integer.parseInt(s);
  }

  /** An ISO date-time with offset, e.g. {@code 2026-03-01T00:00:00Z}. */
  static Optional<Instant> instant(RoutingContext ctx, String name) {
    Optional<String> raw = single(ctx, name);
    if (raw == null) {
      return null;
    }
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(raw.get().strip()).toInstant());
    } catch (DateTimeParseException e) {
      Replies.badField(ctx, name, "must be a date-time with offset, e.g. 2026-03-01T00:00:00Z");
      return null;
    }
  }

  /** One of {@code allowed}. */
  static Optional<String> oneOf(RoutingContext ctx, String name, List<String> allowed) {
    Optional<String> raw = single(ctx, name);
    if (raw == null || raw.isEmpty()) {
      return raw;
    }
    if (!allowed.contains(raw.get())) {
      Replies.badField(ctx, name, "must be one of " + String.join(", ", allowed));
      return null;
    }
    return raw;
  }

  /** A path parameter that must be a positive whole number (a customer id). */
  static Long id(RoutingContext ctx, String name) {
    String s = ctx.pathParam(name);
    if (s == null || !s.matches("\\d{1,18}") || Long.parseLong(s) <= 0) {
      Replies.badField(ctx, name, "must be a positive whole number");
      return null;
    }
    return Long.parseLong(s);
  }
}
