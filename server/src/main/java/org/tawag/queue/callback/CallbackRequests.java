package org.tawag.queue.callback;

import java.util.concurrent.CompletableFuture;

/**
 * Where callback requests are kept until an operator calls back. Called on the ACD thread: must
 * never block; the work happens elsewhere and the future says how it went.
 */
public interface CallbackRequests {
  /**
   * Stores {@code request} as open. Storing the same call's request again changes nothing.
   *
   * @return completes when the request is stored; fails when it could not be (database down,
   *     workers busy)
   */
  CompletableFuture<Void> add(CallbackRequest request);
}
