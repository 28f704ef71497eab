package org.tawag.sdp;

/**
 * An SDP body from the wire that cannot be used: malformed (RFC 4566), or an answer that breaks the
 * offer/answer rules of RFC 3264.
 *
 * <p>The message names the line number and the line where there is one, so that it can go into a
 * log or a SIP {@code Warning} header as it is.
 */
public final class SdpException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int lineNumber;

  /** A problem with the description as a whole (a missing line, a broken answer). */
  public SdpException(String message) {
    super(message);
    this.lineNumber = 0;
  }

  /** A problem with one line; {@code lineNumber} counts from 1. */
  public SdpException(int lineNumber, String line, String problem) {
    super("line " + lineNumber + ": " + problem + ": \"" + line + "\"");
    this.lineNumber = lineNumber;
  }

  /** The 1-based number of the bad line, or 0 when the problem is not on one line. */
  public int lineNumber() {
    return lineNumber;
  }
}
