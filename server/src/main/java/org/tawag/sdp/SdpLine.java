package org.tawag.sdp;

/**
 * One SDP line this package keeps but does not interpret ({@code i=}, {@code u=}, {@code e=},
 * {@code p=}, {@code b=}, {@code t=}, {@code r=}, {@code z=}, {@code k=}), so that a description is
 * written back as it was read.
 *
 * @param type the line's type letter (RFC 4566 §5)
 * @param value everything after {@code =}
 */
public record SdpLine(char type, String value) {
  public SdpLine {
    if ("iuepbtrzk".indexOf(type) < 0) {
      throw new IllegalArgumentException("not a pass-through SDP line type: " + type);
    }
    checkValue(value);
  }

  /** Rejects values that would break the line structure when written. */
  static void checkValue(String value) {
    if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("SDP line value must be one line: " + value);
    }
  }

  @Override
  public String toString() {
    return type + "=" + value;
  }
}
