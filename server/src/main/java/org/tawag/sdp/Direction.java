package org.tawag.sdp;

/**
 * The direction attribute of a media stream (RFC 4566 §6, RFC 3264 §5.1), always seen from the side
 * that wrote the SDP.
 */
public enum Direction {
  SENDRECV(true, true),
  SENDONLY(true, false),
  RECVONLY(false, true),
  INACTIVE(false, false);

  private final boolean sends;
  private final boolean receives;

  Direction(boolean sends, boolean receives) {
    this.sends = sends;
    this.receives = receives;
  }

  /** The direction that sends iff {@code sends} and receives iff {@code receives}. */
  public static Direction of(boolean sends, boolean receives) {
    if (sends) {
      return receives ? SENDRECV : SENDONLY;
    }
    return receives ? RECVONLY : INACTIVE;
  }

  /** Whether the side that wrote this direction sends media. */
  public boolean sends() {
    return sends;
  }

  /** Whether the side that wrote this direction receives media. */
  public boolean receives() {
    return receives;
  }

  /**
   * The direction an answerer that is willing to do everything writes in reply to this offered
   * direction (RFC 3264 §6.1): sendonly becomes recvonly, recvonly becomes sendonly, sendrecv and
   * inactive stay.
   */
  public Direction answerTo() {
    return of(receives, sends);
  }

  /** The part of this direction that {@code other} also allows. */
  Direction intersect(Direction other) {
    return of(sends && other.sends, receives && other.receives);
  }

  /** The attribute name as written in SDP, for example {@code sendonly}. */
  public String attribute() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The direction named by an SDP attribute name such as {@code recvonly}.
   *
   * @throws IllegalArgumentException if {@code attribute} is not one of the four directions
   */
  public static Direction fromAttribute(String attribute) {
    Direction direction = lookup(attribute);
    if (direction == null) {
      throw new IllegalArgumentException("not a direction attribute: " + attribute);
    }
    return direction;
  }

  /** The direction named by {@code attribute}, or null when it names something else. */
  static Direction lookup(String attribute) {
    for (Direction direction : values()) {
      if (direction.attribute().equals(attribute)) {
        return direction;
      }
    }
    return null;
  }
}
