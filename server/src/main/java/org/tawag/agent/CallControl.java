package org.tawag.agent;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.tawag.media.MediaStats;

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

  /**
   * The agent asks a supervisor for help: the wallboard flags the agent until the call (or the
   * agent's part of it) ends.
   */
  void escalate();

  /**
   * The caller leg's RTP statistics now, for the operator's call-quality indicator; empty when the
   * caller is no longer on a leg this server receives (transferred out, ended).
   */
  Optional<MediaStats> callerStats();

  /** Sends RFC 4733 digits to the caller's side (an IVR on the far end), one after another. */
  void sendDigits(String digits);

  /**
   * Blind transfer to {@code queue}: the caller waits there with its music and the agent goes to
   * wrap-up. Fails at once for a queue that is not configured.
   */
  CompletableFuture<Void> transferToQueue(String queue);

  /**
   * Blind transfer to an outside {@code number}: the agent goes to wrap-up, the caller hears music
   * until the number answers and is then bridged to it; if it does not answer, the call goes back
   * to its queue rather than being lost.
   */
  CompletableFuture<Void> transferToNumber(String number);

  /**
   * Blind transfer to the operator {@code agent}: the caller waits in the call's queue with its
   * music, offered to that operator alone as soon as they are free; if they do not answer, or are
   * not free within {@link org.tawag.acd.AcdEngine#PERSONAL_WAIT}, any member of the queue takes
   * it. Fails at once for an operator in no queue, or oneself.
   */
  CompletableFuture<Void> transferToAgent(String agent);
}
