package org.tawag.queue.callback;

import java.time.Instant;

/**
 * A waiting caller's request to be called back instead of waiting on.
 *
 * @param callId the SIP Call-ID of the call that asked
 * @param queue the queue the caller waited in
 * @param caller the caller's number as the trunk gave it; null when withheld
 * @param requestedAt when the key was pressed
 */
public record CallbackRequest(String callId, String queue, String caller, Instant requestedAt) {
  /** Longest text a column takes (VARCHAR(255)); longer values are cut. */
  public static final int MAX_TEXT = 255;

  public CallbackRequest {
    if (callId == null || callId.isBlank() || queue == null || queue.isBlank()) {
      throw new IllegalArgumentException(
          "call id and queue are required: call " + callId + ", queue " + queue);
    }
    if (requestedAt == null) {
      throw new IllegalArgumentException("requestedAt is required for call " + callId);
    }
    callId = clip(callId);
    queue = clip(queue);
    caller = caller == null || caller.isBlank() ? null : clip(caller);
  }

  private static String clip(String s) {
    return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s;
  }

  /** Leaves the caller's number out: it is personal data and must not reach a log. */
  @Override
  public String toString() {
    return "CallbackRequest[call " + callId + ", queue " + queue + ", at " + requestedAt + "]";
  }
}
