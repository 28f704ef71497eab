package org.tawag.sip;

/** Thrown when the SIP stack cannot start; the message names the address and port. */
public final class SipStartException extends RuntimeException {
  public SipStartException(String message) {
    super(message);
  }

  public SipStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
