package org.tawag.call;

import org.tawag.media.MediaLeg;

/**
 * One party of a call as the call logic sees it: a SIP dialog with its media leg, whichever side
 * started it. Every method is called on the call's serial context ({@link MediaLeg#executor()}).
 */
public interface CallChannel {
  /** The SIP Call-ID, the key of the call in logs and records. */
  String callId();

  /** The trunk the call came in on or goes out through. */
  String trunk();

  /** The number the caller dialled (inbound) or we dial (outbound). */
  String dialledNumber();

  /**
   * The caller's number: the user part of From for an incoming call (what the screen pop matches),
   * our caller id for an outgoing one; empty when unknown.
   */
  default String callerNumber() {
    return "";
  }

  /** Whether the call came in from a trunk (false for calls Tawag places). */
  default boolean inbound() {
    return true;
  }

  /** The call's RTP leg. */
  MediaLeg media();

  /** Tells the caller we are looking for someone (180 Ringing); no-op once answered. */
  void ring();

  /** Answers the call (200 OK with our SDP answer); no-op once answered. */
  void answer();

  /** Refuses the call before answer with a SIP status code and reason phrase. */
  void reject(int code, String reason);

  /** Ends the call from our side: BYE once the dialog is confirmed, a final error before it. */
  void hangUp(EndReason reason);
}
