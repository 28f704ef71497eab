package org.tawag.agent;

import java.time.Instant;
import org.tawag.acd.AgentState;
import org.tawag.media.AudioSink;

/**
 * An agent's device as the ACD sees it: a browser socket or a SIP phone. The ACD rings it with
 * offers, connects it to callers and tells it about its state.
 *
 * <p>Every method may be called from any thread (the ACD thread, a call's media loop) and must not
 * block; implementations hop to their own context.
 */
public interface AgentLine {
  /** The agent's id: the user name, as listed in queue members. */
  String agentId();

  /** Ring: {@code call} is offered to this agent until answered, rejected or cancelled. */
  void offer(OfferedCall call);

  /** Stop ringing {@code callId}: it timed out, was taken elsewhere, or the caller left. */
  void cancelOffer(String callId);

  /**
   * The agent is connected to the caller. Runs on the call's media loop. The line writes the
   * agent's audio into {@code toCaller} and returns where the caller's audio should go, 20 ms
   * frames in the call's codec.
   */
  AudioSink connect(ConnectedCall call, AudioPipe toCaller);

  /** The connected call {@code callId} is over, whoever ended it. */
  void callEnded(String callId, String endedBy);

  /** The agent's ACD state changed. */
  void stateChanged(AgentState state, String reason, Instant since);

  /** Another session of the same agent took over: close this one. */
  void replaced();

  /**
   * The agent's own call {@code callId} to {@code number} is ringing the far end; {@link #connect}
   * follows if it answers.
   */
  default void dialing(String callId, String number) {}
}
