package org.tawag.call;

/** Why a call ended; becomes the call record's outcome. */
public enum EndReason {
  /** The remote party sent BYE. */
  REMOTE_HANGUP,
  /** Tawag hung up as the dial plan said (announcement over, IVR gave up). */
  LOCAL_HANGUP,
  /** The caller cancelled before answer. */
  CANCELLED,
  /** Refused before answer by the dial plan (reject target, unknown number). */
  REJECTED,
  /** RTP stopped for longer than the media timeout. */
  MEDIA_TIMEOUT,
  /** The dialog failed at the SIP layer (ACK never came, transport error). */
  SIGNALLING_FAILURE,
  /** The server is shutting down. */
  SHUTDOWN
}
