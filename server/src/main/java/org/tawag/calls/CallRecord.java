package org.tawag.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What is kept of one call once the ACD has had it: who called which number over which trunk, its
 * queue and agent, when it arrived, queued, was offered, answered and ended, how long it waited,
 * talked, held and wrapped up, how it ended, and the order and disposition the agent filed; for a
 * call an operator placed, the customer and campaign contact it was about (null otherwise).
 *
 * <p>A record may be written before the call ends and again later: the later version replaces the
 * earlier (rows are keyed by the call id). {@code endedAt} and {@code outcome} are set together.
 * Text fields hold at most {@value #MAX_TEXT} characters.
 */
public record CallRecord(
    String id,
    Direction direction,
    String trunk,
    String caller,
    String dialled,
    String queue,
    String agent,
    Instant arrivedAt,
    Instant queuedAt,
    Instant offeredAt,
    Instant answeredAt,
    Instant endedAt,
    Duration waited,
    Duration talked,
    Duration held,
    Duration wrapUp,
    Outcome outcome,
    String orderId,
    String disposition,
    Long customerId,
    Long campaignContactId) {

  /** The longest text a column takes. */
  public static final int MAX_TEXT = 255;

  /** Whether the call came in from a trunk or was placed by Tawag. */
  public enum Direction {
    IN,
    OUT;

    /** The database code, {@code in} or {@code out}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The direction for a database code. */
    public static Direction fromCode(String code) {
      for (Direction d : values()) {
        if (d.code().equals(code)) {
          return d;
        }
      }
      throw new IllegalArgumentException("unknown direction code: " + code);
    }
  }

  /** How the call ended. */
  public enum Outcome {
    COMPLETED_BY_CALLER,
    COMPLETED_BY_AGENT,
    /** Tawag ended it as configured: an announcement or IVR that ends the call. */
    COMPLETED_BY_SYSTEM,
    ABANDONED,
    OVERFLOWED,
    TIMED_OUT,
    TRANSFERRED,
    FAILED,
    REJECTED,
    /** The caller left the queue with a callback request (V5). */
    CALLBACK_REQUESTED;

    /** The database code, e.g. {@code completed_by_caller}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome for a database code. */
    public static Outcome fromCode(String code) {
      for (Outcome o : values()) {
        if (o.code().equals(code)) {
          return o;
        }
      }
      throw new IllegalArgumentException("unknown outcome code: " + code);
    }
  }

  /** Checks every field; a bad one is an {@link IllegalArgumentException} naming it. */
  public CallRecord {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    text("id", id);
    if (direction == null) {
      throw new IllegalArgumentException("direction must not be null (call " + id + ")");
    }
    text("trunk", trunk);
    text("caller", caller);
    text("dialled", dialled);
    text("queue", queue);
    text("agent", agent);
    text("orderId", orderId);
    text("disposition", disposition);
    if (arrivedAt == null) {
      throw new IllegalArgumentException("arrivedAt must not be null (call " + id + ")");
    }
    notBefore("queuedAt", queuedAt, arrivedAt, id);
    notBefore("offeredAt", offeredAt, arrivedAt, id);
    notBefore("answeredAt", answeredAt, arrivedAt, id);
    notBefore("endedAt", endedAt, arrivedAt, id);
    waited = nonNegative("waited", waited, id);
    talked = nonNegative("talked", talked, id);
    held = nonNegative("held", held, id);
    wrapUp = nonNegative("wrapUp", wrapUp, id);
    if ((endedAt == null) != (outcome == null)) {
      throw new IllegalArgumentException(
          "endedAt and outcome must be set together (call "
              + id
              + ": endedAt="
              + endedAt
              + ", outcome="
              + outcome
              + ")");
    }
  }

  private static void text(String field, String value) {
    if (value != null && value.length() > MAX_TEXT) {
      throw new IllegalArgumentException(
          field + " must be at most " + MAX_TEXT + " characters but has " + value.length());
    }
  }

  private static void notBefore(String field, Instant value, Instant arrivedAt, String id) {
    if (value != null && value.isBefore(arrivedAt)) {
      throw new IllegalArgumentException(
          field + " " + value + " is before arrivedAt " + arrivedAt + " (call " + id + ")");
    }
  }

  private static Duration nonNegative(String field, Duration value, String id) {
    if (value == null) {
      return Duration.ZERO;
    }
    if (value.isNegative()) {
      throw new IllegalArgumentException(
          field + " must not be negative but was " + value + " (call " + id + ")");
    }
    return value;
  }

  /** Whether the call has ended (and so has an outcome). */
  public boolean ended() {
    return endedAt != null;
  }

  /** A builder for a call that arrived at {@code arrivedAt}; other fields start empty. */
  public static Builder builder(String id, Direction direction, Instant arrivedAt) {
    return new Builder().id(id).direction(direction).arrivedAt(arrivedAt);
  }

  /** A builder holding this record's values, to make a later version of it. */
  public Builder toBuilder() {
    return new Builder()
        .id(id)
        .direction(direction)
        .trunk(trunk)
        .caller(caller)
        .dialled(dialled)
        .queue(queue)
        .agent(agent)
        .arrivedAt(arrivedAt)
        .queuedAt(queuedAt)
        .offeredAt(offeredAt)
        .answeredAt(answeredAt)
        .ended(endedAt, outcome)
        .waited(waited)
        .talked(talked)
        .held(held)
        .wrapUp(wrapUp)
        .orderId(orderId)
        .disposition(disposition)
        .customerId(customerId)
        .campaignContactId(campaignContactId);
  }

  /** Collects the fields of a {@link CallRecord}; {@link #build()} checks them. */
  public static final class Builder {
    private String id;
    private Direction direction;
    private String trunk;
    private String caller;
    private String dialled;
    private String queue;
    private String agent;
    private Instant arrivedAt;
    private Instant queuedAt;
    private Instant offeredAt;
    private Instant answeredAt;
    private Instant endedAt;
    private Duration waited = Duration.ZERO;
    private Duration talked = Duration.ZERO;
    private Duration held = Duration.ZERO;
    private Duration wrapUp = Duration.ZERO;
    private Outcome outcome;
    private String orderId;
    private String disposition;
    private Long customerId;
    private Long campaignContactId;

    private Builder() {}

    /** Sets the call id (the SIP Call-ID of the trunk leg). */
    public Builder id(String value) {
      this.id = value;
      return this;
    }

    /** Sets the direction. */
    public Builder direction(Direction value) {
      this.direction = value;
      return this;
    }

    /** Sets the trunk name. */
    public Builder trunk(String value) {
      this.trunk = value;
      return this;
    }

    /** Sets the caller's number. */
    public Builder caller(String value) {
      this.caller = value;
      return this;
    }

    /** Sets the dialled number. */
    public Builder dialled(String value) {
      this.dialled = value;
      return this;
    }

    /** Sets the queue name. */
    public Builder queue(String value) {
      this.queue = value;
      return this;
    }

    /** Sets the agent who took the call. */
    public Builder agent(String value) {
      this.agent = value;
      return this;
    }

    /** Sets when the call arrived. */
    public Builder arrivedAt(Instant value) {
      this.arrivedAt = value;
      return this;
    }

    /** Sets when the call entered a queue. */
    public Builder queuedAt(Instant value) {
      this.queuedAt = value;
      return this;
    }

    /** Sets when the call was first offered to an agent. */
    public Builder offeredAt(Instant value) {
      this.offeredAt = value;
      return this;
    }

    /** Sets when an agent answered. */
    public Builder answeredAt(Instant value) {
      this.answeredAt = value;
      return this;
    }

    /** Sets when and how the call ended (both or neither). */
    public Builder ended(Instant at, Outcome how) {
      this.endedAt = at;
      this.outcome = how;
      return this;
    }

    /** Sets the time spent waiting in queue. */
    public Builder waited(Duration value) {
      this.waited = value;
      return this;
    }

    /** Sets the time talking with an agent. */
    public Builder talked(Duration value) {
      this.talked = value;
      return this;
    }

    /** Sets the time on hold. */
    public Builder held(Duration value) {
      this.held = value;
      return this;
    }

    /** Sets the agent's after-call work time. */
    public Builder wrapUp(Duration value) {
      this.wrapUp = value;
      return this;
    }

    /** Sets the order filed during the call. */
    public Builder orderId(String value) {
      this.orderId = value;
      return this;
    }

    /** Sets the agent's disposition code. */
    public Builder disposition(String value) {
      this.disposition = value;
      return this;
    }

    /** Sets the customer an operator's call was placed for (V8). */
    public Builder customerId(Long value) {
      this.customerId = value;
      return this;
    }

    /** Sets the campaign contact an operator's call was placed for (V8). */
    public Builder campaignContactId(Long value) {
      this.campaignContactId = value;
      return this;
    }

    /** The checked record. */
    public CallRecord build() {
      return new CallRecord(
          id,
          direction,
          trunk,
          caller,
          dialled,
          queue,
          agent,
          arrivedAt,
          queuedAt,
          offeredAt,
          answeredAt,
          endedAt,
          waited,
          talked,
          held,
          wrapUp,
          outcome,
          orderId,
          disposition,
          customerId,
          campaignContactId);
    }
  }
}
