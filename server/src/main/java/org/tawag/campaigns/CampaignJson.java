package org.tawag.campaigns;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tawag.orders.FieldErrors;
import org.tawag.orders.PhoneNumbers;
import org.tawag.orders.ValidationException;

/** Campaign requests read and checked field by field, and campaigns written as JSON. */
final class CampaignJson {
  private static final int MAX_SCRIPT = 8000;
  private static final int MAX_IMPORT = 10_000;

  private CampaignJson() {}

  /**
   * A new campaign from {@code json}; the queue and trunk must be configured ones.
   *
   * @throws ValidationException naming every bad field
   */
  static CampaignDraft draft(JsonObject json, Set<String> queues, Set<String> trunks) {
    FieldErrors errors = new FieldErrors();
    String name = text(json, "name", errors, true, 100);
    String queue = text(json, "queue", errors, true, 100);
    if (queue != null && !queues.contains(queue)) {
      errors.add("queue", "must be one of the configured queues: " + String.join(", ", queues));
    }
    String trunk = text(json, "trunk", errors, true, 100);
    if (trunk != null && !trunks.contains(trunk)) {
      errors.add("trunk", "must be one of the configured trunks: " + String.join(", ", trunks));
    }
    String modeCode = text(json, "mode", errors, false, 20);
    Campaign.Mode mode = Campaign.Mode.PROGRESSIVE;
    if (modeCode != null) {
      mode = Campaign.Mode.fromCode(modeCode).orElse(null);
      if (mode == null) {
        errors.add("mode", "must be preview or progressive");
      }
    }
    BigDecimal ratio = BigDecimal.ONE;
    Object r = json.getValue("ratio");
    if (r != null) {
      if (r instanceof Number n
          && n.doubleValue() >= 1
          && n.doubleValue() <= 5
          && BigDecimal.valueOf(n.doubleValue()).scale() <= 2) {
        ratio = BigDecimal.valueOf(n.doubleValue());
      } else {
        errors.add("ratio", "must be a number from 1 to 5 (calls per free operator)");
      }
    }
    String callerId = text(json, "callerId", errors, false, 64);
    if (callerId != null && !callerId.matches("[0-9A-Za-z+*#._-]{1,64}")) {
      errors.add("callerId", "may hold only digits, letters and + * # . _ -");
    }
    String script = text(json, "script", errors, false, MAX_SCRIPT);
    LocalTime from = time(json, "hoursFrom", LocalTime.of(9, 0), errors);
    LocalTime to = time(json, "hoursTo", LocalTime.of(20, 0), errors);
    ZoneId zone = ZoneId.of("UTC");
    String z = text(json, "timeZone", errors, false, 64);
    if (z != null) {
      zone = zone(z).orElse(null);
      if (zone == null) {
        errors.add("timeZone", "must be a time zone name such as Asia/Manila");
      }
    }
    int max = integer(json, "maxAttempts", 3, 1, 20, errors);
    int noAnswer = integer(json, "retryNoAnswerSeconds", 3600, 0, 7 * 86400, errors);
    int busy = integer(json, "retryBusySeconds", 900, 0, 7 * 86400, errors);
    int failed = integer(json, "retryFailedSeconds", 3600, 0, 7 * 86400, errors);
    int ring = integer(json, "ringTimeoutSeconds", 25, 1, 120, errors);
    errors.throwIfAny();
    return new CampaignDraft(
        name,
        queue,
        mode,
        ratio,
        trunk,
        Optional.ofNullable(callerId),
        script == null ? "" : script,
        new CallingHours(from, to),
        zone,
        new RetryRules(
            max,
            Duration.ofSeconds(noAnswer),
            Duration.ofSeconds(busy),
            Duration.ofSeconds(failed)),
        Duration.ofSeconds(ring));
  }

  /** What {@code POST /api/campaigns/:id/contacts} asked for. */
  sealed interface Targets {
    record Imported(List<NewContact> contacts) implements Targets {}

    record Customers(List<Long> ids) implements Targets {}

    record Refused(String reason, Instant since) implements Targets {}
  }

  /**
   * The target list of a request: exactly one of {@code customers} (an import: full name, phone,
   * time zone; created or found by phone), {@code customerIds}, or {@code refused} ({@code reason}
   * and {@code since}, a date).
   *
   * @throws ValidationException naming every bad field, rows as {@code customers[3].phone}
   */
  static Targets targets(JsonObject json, String countryCode, Set<String> refusalReasons) {
    FieldErrors errors = new FieldErrors();
    int given =
        (json.containsKey("customers") ? 1 : 0)
            + (json.containsKey("customerIds") ? 1 : 0)
            + (json.containsKey("refused") ? 1 : 0);
    if (given != 1) {
      throw new ValidationException(
          FieldErrors.of("body", "must hold exactly one of customers, customerIds, refused"));
    }
    if (json.getValue("customers") instanceof JsonArray rows) {
      if (rows.size() > MAX_IMPORT) {
        errors.add("customers", "at most " + MAX_IMPORT + " per request");
        errors.throwIfAny();
      }
      List<NewContact> out = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        String at = "customers[" + i + "].";
        if (!(rows.getValue(i) instanceof JsonObject row)) {
          errors.add("customers[" + i + "]", "must be an object");
          continue;
        }
        String name = text(row, "fullName", errors, true, 200, at);
        String raw = text(row, "phone", errors, true, 40, at);
        Optional<String> phone =
            raw == null ? Optional.empty() : PhoneNumbers.normalise(raw, countryCode);
        if (raw != null && phone.isEmpty()) {
          errors.add(at + "phone", "is not a phone number (E.164 such as +639171234567)");
        }
        Optional<ZoneId> zone = Optional.empty();
        String z = text(row, "timeZone", errors, false, 64, at);
        if (z != null) {
          zone = zone(z);
          if (zone.isEmpty()) {
            errors.add(at + "timeZone", "must be a time zone name such as Asia/Manila");
          }
        }
        if (name != null && phone.isPresent()) {
          out.add(new NewContact(name, phone.get(), zone));
        }
      }
      errors.throwIfAny();
      return new Targets.Imported(out);
    }
    if (json.getValue("customerIds") instanceof JsonArray ids) {
      List<Long> out = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        if (ids.getValue(i) instanceof Number n && n.longValue() > 0) {
          out.add(n.longValue());
        } else {
          errors.add("customerIds[" + i + "]", "must be a customer id");
        }
      }
      errors.throwIfAny();
      return new Targets.Customers(out);
    }
    if (json.getValue("refused") instanceof JsonObject q) {
      String reason = text(q, "reason", errors, true, 64, "refused.");
      if (reason != null && !refusalReasons.contains(reason)) {
        errors.add("refused.reason", "must be one of " + String.join(", ", refusalReasons));
      }
      String since = text(q, "since", errors, true, 10, "refused.");
      Instant from = null;
      if (since != null) {
        try {
          from = LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
          errors.add("refused.since", "must be a date such as 2026-01-31");
        }
      }
      errors.throwIfAny();
      return new Targets.Refused(reason, from);
    }
    throw new ValidationException(
        FieldErrors.of("body", "customers and customerIds must be arrays, refused an object"));
  }

  static JsonObject campaign(Campaign c, Map<String, Integer> progress) {
    JsonObject contacts = new JsonObject();
    progress.forEach(contacts::put);
    return new JsonObject()
        .put("id", c.id())
        .put("name", c.name())
        .put("queue", c.queue())
        .put("mode", c.mode().code())
        .put("ratio", c.ratio().doubleValue())
        .put("trunk", c.trunk())
        .put("callerId", c.callerId().orElse(null))
        .put("script", c.script())
        .put("hoursFrom", c.hours().from().toString())
        .put("hoursTo", c.hours().to().toString())
        .put("timeZone", c.zone().getId())
        .put("maxAttempts", c.retries().maxAttempts())
        .put("retryNoAnswerSeconds", c.retries().afterNoAnswer().toSeconds())
        .put("retryBusySeconds", c.retries().afterBusy().toSeconds())
        .put("retryFailedSeconds", c.retries().afterFailed().toSeconds())
        .put("ringTimeoutSeconds", c.ringTimeout().toSeconds())
        .put("status", c.status().code())
        .put("contacts", contacts);
  }

  static JsonObject contact(JdbcCampaigns.ContactRow k) {
    return new JsonObject()
        .put("id", k.id())
        .put("customerId", k.customerId())
        .put("fullName", k.fullName())
        .put("phone", k.phone())
        .put("state", k.state())
        .put("attempts", k.attempts())
        .put("due", k.due() == null ? null : k.due().toString())
        .put("lastResult", k.lastResult())
        .put("outcome", k.outcome())
        .put("refusalReason", k.refusalReason())
        .put("orderId", k.orderId())
        .put("callbackAgent", k.callbackAgent())
        .put("note", k.note());
  }

  static JsonObject attempt(JdbcCampaigns.Attempt a) {
    return new JsonObject()
        .put("attempt", a.attempt())
        .put("at", a.at().toString())
        .put("agent", a.agent())
        .put("reason", a.reason())
        .put("callId", a.callId())
        .put("result", a.result())
        .put("sipStatus", a.sipStatus() == 0 ? null : a.sipStatus())
        .put("endedAt", a.endedAt() == null ? null : a.endedAt().toString());
  }

  private static String text(
      JsonObject json, String field, FieldErrors errors, boolean required, int max) {
    return text(json, field, errors, required, max, "");
  }

  private static String text(
      JsonObject json, String field, FieldErrors errors, boolean required, int max, String at) {
    Object v = json.getValue(field);
    if (v == null || (v instanceof String s && s.isBlank())) {
      if (required) {
        errors.add(at + field, "is required");
      }
      return null;
    }
    if (!(v instanceof String s)) {
      errors.add(at + field, "must be text");
      return null;
    }
    String t = s.strip();
    if (t.length() > max) {
      errors.add(at + field, "must be at most " + max + " characters");
      return null;
    }
    return t;
  }

  private static LocalTime time(JsonObject json, String field, LocalTime dflt, FieldErrors errors) {
    Object v = json.getValue(field);
    if (v == null) {
      return dflt;
    }
    if (v instanceof String s && s.matches("\\d{2}:\\d{2}")) {
      try {
        return LocalTime.parse(s);
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    errors.add(field, "must be a local time HH:mm such as 09:00");
    return dflt;
  }

  private static int integer(
      JsonObject json, String field, int dflt, int min, int max, FieldErrors errors) {
    Object v = json.getValue(field);
    if (v == null) {
      return dflt;
    }
    if (v instanceof Number n
        && n.doubleValue() == n.longValue()
        && n.longValue() >= min
        && n.longValue() <= max) {
      return n.intValue();
    }
    errors.add(field, "must be a whole number from " + min + " to " + max);
    return dflt;
  }

  private static Optional<ZoneId> zone(String id) {
    try {
      return Optional.of(ZoneId.of(id));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
