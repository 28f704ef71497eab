package org.tawag.agent;

/**
 * What an agent does to the caller's leg of a connected call. Any thread; each action runs on the
 * call's serial context. Actions on a call that has ended do nothing.
 */
public interface CallControl {
  /** The agent hangs up: the caller gets a BYE. */
  void hangUp();

  /** The caller hears hold music and the agent hears nothing, until {@link #resume()}. */
  void hold();

  /** Ends hold: the agent and the caller hear each other again. */
  void resume();

  /** Whether the caller hears the agent; a muted agent still hears the caller. */
  void mute(boolean muted);

  /** Sends RFC 4733 digits to the caller's side (an IVR on the far end), one after another. */
  void sendDigits(String digits);
}
