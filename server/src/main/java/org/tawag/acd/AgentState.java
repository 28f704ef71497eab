package org.tawag.acd;

/** Where an agent is in the ACD's eyes. */
public enum AgentState {
  /** Not logged in. */
  OFFLINE,
  /** Logged in, ready and idle: may be offered a call. */
  AVAILABLE,
  /** Being rung with a call (a live offer). */
  OFFERED,
  /** Talking to a caller. */
  ON_CALL,
  /** After-call work; becomes AVAILABLE when the queue's wrap-up time ends. */
  WRAP_UP,
  /** Logged in but not taking calls, with a reason ("logged in", "break", "no answer"). */
  NOT_READY
}
