package org.tawag.sdp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One media stream of a session description: an {@code m=} line and the lines under it (RFC 4566
 * §5.14), with the attributes this package uses already read: {@code rtpmap}, {@code fmtp}, {@code
 * ptime}, {@code maxptime} (RFC 4566 §6), {@code rtcp} (RFC 3605) and the direction.
 *
 * <p>Immutable. Lines and attributes it does not interpret are kept in order and written back.
 */
public final class MediaDescription {
  private final String media;
  private final int port;
  private final Integer portCount;
  private final String protocol;
  private final List<String> formats;
  private final Connection connection;
  private final List<SdpLine> otherLines;
  private final List<Attribute> attributes;

  private final StreamAttributes interpreted = new StreamAttributes();

  /**
   * A stream from its parts.
   *
   * @param media the media type, for example {@code audio}
   * @param port the transport port; 0 marks a rejected or disabled stream (RFC 3264 §6)
   * @param portCount the {@code /<number of ports>} suffix, or null when absent
   * @param protocol the transport protocol, for example {@code RTP/AVP}
   * @param formats the media formats in preference order; payload type numbers for RTP
   * @param connection the media-level {@code c=} line, or null to use the session's
   * @param otherLines {@code i=}, {@code b=} and {@code k=} lines, kept as they are
   * @param attributes the {@code a=} lines in order
   * @throws IllegalArgumentException naming the bad part when one is malformed
   */
  public MediaDescription(
      String media,
      int port,
      Integer portCount,
      String protocol,
      List<String> formats,
      Connection connection,
      List<SdpLine> otherLines,
      List<Attribute> attributes) {
    Origin.checkToken("media type", media);
    checkPort(port);
    if (portCount != null && portCount < 1) {
      throw new IllegalArgumentException("port count must be positive: " + portCount);
    }
    Origin.checkToken("protocol", protocol);
    this.media = media;
    this.port = port;
    this.portCount = portCount;
    this.protocol = protocol;
    this.formats = List.copyOf(formats);
    if (this.formats.isEmpty()) {
      throw new IllegalArgumentException("an m= line needs at least one format");
    }
    for (String format : this.formats) {
      Origin.checkToken("format", format);
      if (isRtp()) {
        parsePayloadType(format);
      }
    }
    this.connection = connection;
    this.otherLines = List.copyOf(otherLines);
    for (SdpLine line : this.otherLines) {
      if ("ibk".indexOf(line.type()) < 0) {
        throw new IllegalArgumentException("line not allowed in a media section: " + line);
      }
    }
    this.attributes = List.copyOf(attributes);
    for (Attribute attribute : this.attributes) {
      interpreted.add(attribute);
    }
  }

  /** A builder for a stream this side writes. */
  public static Builder builder(String media, int port, String protocol) {
    return new Builder(media, port, protocol);
  }

  static void checkPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535: " + port);
    }
  }

  static void checkPayloadType(int payloadType) {
    if (payloadType < 0 || payloadType > 127) {
      throw new IllegalArgumentException("RTP payload type must be 0..127: " + payloadType);
    }
  }

  static int parsePayloadType(String text) {
    int payloadType = SdpNumbers.parseInt("RTP payload type", text);
    checkPayloadType(payloadType);
    return payloadType;
  }

  /** The media type, for example {@code audio} or {@code video}. */
  public String media() {
    return media;
  }

  /** The transport port; 0 for a rejected or disabled stream. */
  public int port() {
    return port;
  }

  /** The transport protocol, for example {@code RTP/AVP}. */
  public String protocol() {
    return protocol;
  }

  /** Whether the protocol is an RTP profile, whose formats are payload type numbers. */
  public boolean isRtp() {
    return protocol.startsWith("RTP/");
  }

  /** The formats as written, in the writer's preference order. */
  public List<String> formats() {
    return formats;
  }

  /** The formats as RTP payload type numbers in order; empty when the protocol is not RTP. */
  public List<Integer> payloadTypes() {
    if (!isRtp()) {
      return List.of();
    }
    List<Integer> payloadTypes = new ArrayList<>(formats.size());
    for (String format : formats) {
      payloadTypes.add(Integer.parseInt(format));
    }
    return Collections.unmodifiableList(payloadTypes);
  }

  /** The {@code a=rtpmap} for a payload type, or null when there is none. */
  public RtpMap rtpmap(int payloadType) {
    return interpreted.rtpmaps.get(payloadType);
  }

  /** The parameters of the {@code a=fmtp} for a payload type, or null when there is none. */
  public String fmtp(int payloadType) {
    return interpreted.fmtps.get(Integer.toString(payloadType));
  }

  /** The {@code a=ptime} in milliseconds, or null when absent. */
  public Integer ptime() {
    return interpreted.ptime;
  }

  /** The {@code a=maxptime} in milliseconds, or null when absent. */
  public Integer maxptime() {
    return interpreted.maxptime;
  }

  /** The {@code a=rtcp} port (RFC 3605), or null when absent (RTCP then goes to port + 1). */
  public Integer rtcpPort() {
    return interpreted.rtcpPort;
  }

  /**
   * The stream's direction attribute, or {@link Direction#SENDRECV} when it has none. A session-
   * level direction applies when the stream has none: see {@link
   * SessionDescription#directionOf(MediaDescription)}.
   */
  public Direction direction() {
    return interpreted.direction == null ? Direction.SENDRECV : interpreted.direction;
  }

  /** The stream's own direction attribute, or null when it has none. */
  public Direction declaredDirection() {
    return interpreted.direction;
  }

  /**
   * The address of the stream's own {@code c=} line, or null when it has none; the session-level
   * one applies then: see {@link SessionDescription#connectionAddressOf(MediaDescription)}.
   */
  public String connectionAddress() {
    return connection == null ? null : connection.address();
  }

  /** The stream's own {@code c=} line, or null. */
  public Connection connection() {
    return connection;
  }

  /** The {@code a=} lines in order. */
  public List<Attribute> attributes() {
    return attributes;
  }

  /** The {@code i=}, {@code b=} and {@code k=} lines, kept but not interpreted. */
  public List<SdpLine> otherLines() {
    return otherLines;
  }

  /** The {@code /<number of ports>} suffix of the port, or null when absent. */
  public Integer portCount() {
    return portCount;
  }

  /** Writes the stream's lines in RFC 4566 §5 order, each ending in CRLF. */
  void writeTo(StringBuilder out) {
    out.append("m=").append(media).append(' ').append(port);
    if (portCount != null) {
      out.append('/').append(portCount);
    }
    out.append(' ').append(protocol);
    for (String format : formats) {
      out.append(' ').append(format);
    }
    out.append("\r\n");
    SessionDescription.writeLines(out, otherLines, "i");
    if (connection != null) {
      out.append(connection).append("\r\n");
    }
    SessionDescription.writeLines(out, otherLines, "bk");
    for (Attribute attribute : attributes) {
      out.append(attribute).append("\r\n");
    }
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    writeTo(out);
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MediaDescription && toString().equals(other.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  /** Collects the parts of a stream this side writes; attributes keep the order they are added. */
  public static final class Builder {
    private final String media;
    private final int port;
    private final String protocol;
    private final List<String> formats = new ArrayList<>();
    private final List<Attribute> attributes = new ArrayList<>();
    private Connection connection;

    private Builder(String media, int port, String protocol) {
      this.media = Objects.requireNonNull(media, "media");
      this.port = port;
      this.protocol = Objects.requireNonNull(protocol, "protocol");
    }

    /** Appends a format, for example a payload type number. */
    public Builder format(String format) {
      formats.add(format);
      return this;
    }

    /** Appends an RTP payload type to the format list. */
    public Builder payloadType(int payloadType) {
      return format(Integer.toString(payloadType));
    }

    /** Sets the stream's own {@code c=} line. */
    public Builder connection(Connection newConnection) {
      this.connection = newConnection;
      return this;
    }

    /** Appends {@code a=name:value}, or {@code a=name} when {@code value} is null. */
    public Builder attribute(String name, String value) {
      attributes.add(new Attribute(name, value));
      return this;
    }

    /** Appends {@code a=rtpmap:<pt> <encoding>/<rate>}. */
    public Builder rtpmap(int payloadType, String encodingName, int clockRate) {
      return attribute("rtpmap", new RtpMap(payloadType, encodingName, clockRate, null).value());
    }

    /** Appends {@code a=sendrecv} or another direction. */
    public Builder direction(Direction direction) {
      return attribute(direction.attribute(), null);
    }

    /** The stream. */
    public MediaDescription build() {
      return new MediaDescription(
          media, port, null, protocol, formats, connection, List.of(), attributes);
    }
  }
}
