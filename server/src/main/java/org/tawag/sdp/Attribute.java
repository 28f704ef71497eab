package org.tawag.sdp;

/**
 * One {@code a=} line (RFC 4566 §5.13): a property attribute {@code a=name} or a value attribute
 * {@code a=name:value}.
 *
 * @param name the attribute name, for example {@code rtpmap}
 * @param value the text after the first colon, or null for a property attribute
 */
public record Attribute(String name, String value) {
  public Attribute {
    if (name == null || name.isEmpty() || name.indexOf(':') >= 0 || name.indexOf(' ') >= 0) {
      throw new IllegalArgumentException("bad attribute name: " + name);
    }
    if (value != null) {
      SdpLine.checkValue(value);
    }
  }

  /** A property attribute such as {@code a=sendrecv}. */
  public static Attribute flag(String name) {
    return new Attribute(name, null);
  }

  /** Parses the text after {@code a=}; a value attribute splits at its first colon. */
  static Attribute parse(String text) {
    int colon = text.indexOf(':');
    return colon < 0
        ? new Attribute(text, null)
        : new Attribute(text.substring(0, colon), text.substring(colon + 1));
  }

  @Override
  public String toString() {
    return value == null ? "a=" + name : "a=" + name + ":" + value;
  }
}
