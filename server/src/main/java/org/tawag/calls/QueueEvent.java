package org.tawag.calls;

import java.time.Instant;
import java.util.Locale;

/**
 * One line of a call's queue history (like a row of Asterisk's {@code queue_log}): the {@code
 * seq}-th thing that happened to call {@code callId}, at {@code at}, possibly naming an agent and a
 * short detail. {@code (callId, seq)} identifies it, so a replay writes it once.
 */
public record QueueEvent(
    String callId, int seq, Instant at, Kind kind, String agent, String detail) {

  /** The longest detail the column takes. */
  public static final int MAX_DETAIL = 1000;

  /** What happened. */
  public enum Kind {
    ENTERED,
    OFFERED,
    NO_ANSWER,
    ANSWERED,
    TRANSFERRED,
    ABANDONED,
    OVERFLOWED,
    ENDED,
    /** The caller pressed the queue's callback key (V5). */
    CALLBACK;

    /** The database code, e.g. {@code no_answer}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The kind for a database code. */
    public static Kind fromCode(String code) {
      for (Kind k : values()) {
        if (k.code().equals(code)) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown event kind code: " + code);
    }
  }

  /** Checks every field; a bad one is an {@link IllegalArgumentException} naming it. */
  public QueueEvent {
    if (callId == null || callId.isBlank()) {
      throw new IllegalArgumentException("callId must not be blank");
    }
    if (callId.length() > CallRecord.MAX_TEXT) {
      throw new IllegalArgumentException(
          "callId must be at most " + CallRecord.MAX_TEXT + " characters");
    }
    if (seq < 0) {
      throw new IllegalArgumentException("seq must not be negative but was " + seq);
    }
    if (at == null) {
      throw new IllegalArgumentException("at must not be null (call " + callId + ")");
    }
    if (kind == null) {
      throw new IllegalArgumentException("kind must not be null (call " + callId + ")");
    }
    if (agent != null && agent.length() > CallRecord.MAX_TEXT) {
      throw new IllegalArgumentException(
          "agent must be at most " + CallRecord.MAX_TEXT + " characters");
    }
    if (detail != null && detail.length() > MAX_DETAIL) {
      throw new IllegalArgumentException(
          "detail must be at most " + MAX_DETAIL + " characters but has " + detail.length());
    }
  }
}
