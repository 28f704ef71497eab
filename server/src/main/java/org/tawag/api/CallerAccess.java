package org.tawag.api;

import java.util.concurrent.CompletableFuture;

/**
 * Least access for operators: may {@code username} see the customer with phone {@code phoneE164}?
 * Yes only while that phone is the caller of the operator's current call, or of a call the operator
 * handled that ended a short while ago (its wrap-up). Supervisors and admins do not ask.
 */
@FunctionalInterface
public interface CallerAccess {
  /** Denies everyone: operators get 403 on every customer or order. */
  CallerAccess NONE = (username, phone) -> CompletableFuture.completedFuture(false);

  CompletableFuture<Boolean> isCallerOf(String username, String phoneE164);
}
