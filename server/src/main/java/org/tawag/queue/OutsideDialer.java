package org.tawag.queue;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.tawag.dialplan.Route;
import org.tawag.media.MediaLeg;

/**
 * Places outside calls for blind transfers to a number and for operators' own calls; implemented
 * over the SIP trunks.
 */
public interface OutsideDialer {
  /**
   * Calls {@code number} through {@code trunk} showing {@code callerId}; completes with the
   * answered leg, or fails with the reason it was not answered.
   */
  CompletableFuture<OutsideLeg> dial(String trunk, String number, String callerId);

  /** An answered outside call. */
  interface OutsideLeg {
    /** Its RTP leg. */
    MediaLeg media();

    /** Completes when the far end or we hang up. */
    CompletableFuture<?> ended();

    /** Hangs up from our side (any thread). */
    void hangUp();
  }

  /**
   * Places call {@code callId} to {@code number} through {@code trunk} showing {@code callerId} (or
   * the trunk's own); once the far end answers, the call enters {@code onAnswer} like a call from
   * the dial plan. Never throws: a call that cannot even start fails its attempt.
   */
  Attempt place(
      String callId, String trunk, String number, Optional<String> callerId, Route onAnswer);

  /** A call being placed. */
  interface Attempt {
    /**
     * Completes when the attempt is over: empty when answered, otherwise the cause (one of {@link
     * org.tawag.agent.DialOutcome#CAUSES}).
     */
    CompletableFuture<Optional<String>> result();

    /** Gives up before answer (any thread): the result says {@code cancelled}. */
    void cancel();
  }
}
