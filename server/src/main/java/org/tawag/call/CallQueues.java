package org.tawag.call;

import org.tawag.dialplan.Route;

/**
 * Where dial-plan {@code queue} targets hand their calls: the hook the ACD fills. Called on the
 * call's serial context; must not block.
 */
public interface CallQueues {
  /** Takes over {@code call}, which has not been answered yet. */
  void enqueue(CallSession call, Route.Queue route);
}
