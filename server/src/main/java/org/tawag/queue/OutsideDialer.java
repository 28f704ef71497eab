package org.tawag.queue;

import java.util.concurrent.CompletableFuture;
import org.tawag.media.MediaLeg;

/** Places outside calls for blind transfers to a number; implemented over the SIP trunks. */
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
}
