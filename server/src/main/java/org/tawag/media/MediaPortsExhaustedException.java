package org.tawag.media;

/** Thrown when every RTP port pair of the configured range is in use or in quarantine. */
public final class MediaPortsExhaustedException extends RuntimeException {
  public MediaPortsExhaustedException(String message) {
    super(message);
  }
}
