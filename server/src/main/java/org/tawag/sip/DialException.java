package org.tawag.sip;

/**
 * Why a call could not even be started (the dial future fails with it): the phone user is not
 * registered ({@link DialResult.Cause#NOT_FOUND}), or no call slot is free ({@link
 * DialResult.Cause#CONGESTION}).
 */
public final class DialException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final DialResult.Cause cause;

  public DialException(DialResult.Cause cause, String message) {
    super(message);
    this.cause = cause;
  }

  /** Why, in the terms of a failed dial result. */
  public DialResult.Cause dialCause() {
    return cause;
  }
}
