package org.tawag.call;

import org.tawag.dialplan.Route;

/**
 * Where dial-plan {@code queue} targets hand their calls: the hook the ACD fills. Called on the
 * call's serial context; must not block.
 */
public interface CallQueues {
  /** Takes over {@code call}, which has not been answered yet. */
  void enqueue(CallSession call, Route.Queue route);

  /**
   * The call left the queue target: it ended, or the dial plan moved it elsewhere. Called once per
   * {@link #enqueue}.
   */
  default void left(CallSession call) {}

  /** An RFC 4733 digit from a caller in the queue target. */
  default void digit(CallSession call, char digit) {}
}
