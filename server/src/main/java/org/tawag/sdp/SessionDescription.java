package org.tawag.sdp;

import java.util.List;
import java.util.Objects;

/**
 * A session description (RFC 4566): the origin, the session name, the session-level connection and
 * attributes, and the media streams in order.
 *
 * <p>Immutable. {@link #toString()} writes it in RFC 4566 §5 order with CRLF line ends, so a
 * description read with {@link #parse} and written again gives the same lines. Lines it does not
 * interpret (timing, bandwidth, unknown attributes) are kept as they are.
 */
public final class SessionDescription {
  /** The {@code t=} line written when a description has none: an unbounded session (§5.9). */
  private static final String UNBOUNDED_TIME = "t=0 0";

  private final Origin origin;
  private final String sessionName;
  private final Connection connection;
  private final List<SdpLine> otherLines;
  private final List<Attribute> attributes;
  private final List<MediaDescription> media;
  private final Direction direction;

  /**
   * A description from its parts.
   *
   * @param origin the {@code o=} line
   * @param sessionName the {@code s=} text; RFC 4566 §5.3 asks for {@code -} when there is none
   * @param connection the session-level {@code c=} line, or null when every stream has its own
   * @param otherLines {@code i= u= e= p= b= t= r= z= k=} lines, kept as they are
   * @param attributes the session-level {@code a=} lines in order
   * @param media the streams in order
   * @throws IllegalArgumentException naming the bad part
   */
  public SessionDescription(
      Origin origin,
      String sessionName,
      Connection connection,
      List<SdpLine> otherLines,
      List<Attribute> attributes,
      List<MediaDescription> media) {
    this.origin = Objects.requireNonNull(origin, "origin");
    this.sessionName = Objects.requireNonNull(sessionName, "sessionName");
    SdpLine.checkValue(sessionName);
    if (sessionName.isEmpty()) {
      throw new IllegalArgumentException("session name must not be empty; use \"-\"");
    }
    this.connection = connection;
    this.otherLines = List.copyOf(otherLines);
    this.attributes = List.copyOf(attributes);
    this.media = List.copyOf(media);
    Direction declared = null;
    for (Attribute attribute : this.attributes) {
      Direction named = attribute.value() == null ? Direction.lookup(attribute.name()) : null;
      if (named != null) {
        if (declared != null) {
          throw new IllegalArgumentException("second session-level direction: " + attribute);
        }
        declared = named;
      }
    }
    this.direction = declared;
  }

  /**
   * Parses an SDP body as it arrives in a SIP message, with LF or CRLF line ends.
   *
   * @throws SdpException naming the line when the body cannot be used
   */
  public static SessionDescription parse(String text) throws SdpException {
    return new SdpParser(text).parse();
  }

  /** This description with another {@code o=} line; everything else stays. */
  public SessionDescription withOrigin(Origin newOrigin) {
    return new SessionDescription(
        newOrigin, sessionName, connection, otherLines, attributes, media);
  }

  /** The {@code o=} line. */
  public Origin origin() {
    return origin;
  }

  /** The {@code s=} text. */
  public String sessionName() {
    return sessionName;
  }

  /** The session-level {@code c=} line, or null. */
  public Connection connection() {
    return connection;
  }

  /** The session-level connection address, or null when there is no session-level {@code c=}. */
  public String connectionAddress() {
    return connection == null ? null : connection.address();
  }

  /** The session-level direction attribute, or null when there is none. */
  public Direction direction() {
    return direction;
  }

  /** The media streams in order. */
  public List<MediaDescription> media() {
    return media;
  }

  /** The session-level {@code a=} lines in order. */
  public List<Attribute> attributes() {
    return attributes;
  }

  /** The session-level lines kept but not interpreted, in order. */
  public List<SdpLine> otherLines() {
    return otherLines;
  }

  /**
   * Where a stream's media goes: its own {@code c=} address, else the session-level one (RFC 4566
   * §5.7), else null.
   */
  public String connectionAddressOf(MediaDescription stream) {
    String own = stream.connectionAddress();
    return own != null ? own : connectionAddress();
  }

  /**
   * A stream's direction: its own attribute, else the session-level one, else sendrecv (RFC 4566
   * §6, RFC 3264 §5.1).
   */
  public Direction directionOf(MediaDescription stream) {
    if (stream.declaredDirection() != null) {
      return stream.declaredDirection();
    }
    return direction != null ? direction : Direction.SENDRECV;
  }

  /** Writes {@code lines} whose type letter is in {@code types}, in their order. */
  static void writeLines(StringBuilder out, List<SdpLine> lines, String types) {
    for (SdpLine line : lines) {
      if (types.indexOf(line.type()) >= 0) {
        out.append(line).append("\r\n");
      }
    }
  }

  /** The description as SDP text in RFC 4566 §5 order, every line ending in CRLF. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(512);
    out.append("v=0\r\n").append(origin).append("\r\n");
    out.append("s=").append(sessionName).append("\r\n");
    writeLines(out, otherLines, "iuep");
    if (connection != null) {
      out.append(connection).append("\r\n");
    }
    writeLines(out, otherLines, "b");
    if (otherLines.stream().noneMatch(line -> line.type() == 't')) {
      out.append(UNBOUNDED_TIME).append("\r\n");
    }
    writeLines(out, otherLines, "trzk");
    for (Attribute attribute : attributes) {
      out.append(attribute).append("\r\n");
    }
    for (MediaDescription stream : media) {
      stream.writeTo(out);
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SessionDescription && toString().equals(other.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
