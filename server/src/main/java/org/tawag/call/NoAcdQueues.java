package org.tawag.call;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.dialplan.Route;

/**
 * The queue hook before the ACD exists: the caller hears ringing, and after {@code ringLimit} gets
 * 480 Temporarily Unavailable, as a PBX does for a group with no one logged in.
 */
public final class NoAcdQueues implements CallQueues {
  private static final Logger log = LoggerFactory.getLogger(NoAcdQueues.class);

  private final Duration ringLimit;

  public NoAcdQueues(Duration ringLimit) {
    this.ringLimit = ringLimit;
  }

  @Override
  public void enqueue(CallSession call, Route.Queue route) {
    log.info("call {} for queue {}: no ACD yet, ringing", call.channel().callId(), route.queue());
    call.channel().ring();
    call.after(ringLimit, () -> call.channel().reject(480, "No Operators Available"));
  }
}
