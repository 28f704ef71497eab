package org.tawag.sip;

/** How an outgoing call attempt ended up: answered, or why not. */
public sealed interface DialResult {

  /** The far end answered (2xx, ACK sent, media running). */
  record Answered() implements DialResult {}

  /**
   * The call was not answered.
   *
   * @param cause why, in the terms a campaign or click-to-dial needs
   * @param sipStatus the final SIP status, or 0 when no response came
   * @param reason the reason phrase or our own explanation
   */
  record Failed(Cause cause, int sipStatus, String reason) implements DialResult {}

  /** Why an outgoing call failed. */
  enum Cause {
    /** 486 Busy Here or 600 Busy Everywhere. */
    BUSY,
    /** No answer before the ring timeout, or 480/408 from the far end. */
    NO_ANSWER,
    /** The number does not exist (404, 484, 604). */
    NOT_FOUND,
    /** The far end refused (403, 603). */
    DECLINED,
    /** Our credentials were refused, or none were configured for a challenge. */
    AUTH_FAILED,
    /** No common codec (488, 606) or an unusable SDP answer. */
    NO_COMMON_CODEC,
    /** The trunk did not answer at all (transaction timeout, transport error). */
    UNREACHABLE,
    /** Our own limit (max calls, RTP ports) or the trunk's 503. */
    CONGESTION,
    /** We cancelled it before answer. */
    CANCELLED,
    /** Any other failure response. */
    FAILED
  }

  /** Maps a final failure status to its cause (RFC 3261 §21). */
  static Cause causeOf(int status) {
    return switch (status) {
      case 486, 600 -> Cause.BUSY;
      case 408, 480 -> Cause.NO_ANSWER;
      case 404, 484, 604 -> Cause.NOT_FOUND;
      case 403, 603 -> Cause.DECLINED;
      case 401, 407 -> Cause.AUTH_FAILED;
      case 488, 606 -> Cause.NO_COMMON_CODEC;
      case 503 -> Cause.CONGESTION;
      case 487 -> Cause.CANCELLED;
      default -> Cause.FAILED;
    };
  }
}
