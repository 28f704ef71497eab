package org.tawag.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads SDP text into a {@link SessionDescription}, leniently where real peers differ and strictly
 * where the result could not be used.
 *
 * <p>Lenient: LF or CRLF line ends, blank lines and trailing blanks, a missing {@code s=} or {@code
 * t=}, unknown attributes, lines out of RFC 4566 §5 order within a section. Strict: {@code v=0}
 * first, exactly one {@code o=}, at least one {@code m=}, ports, RTP payload type numbers and the
 * attributes this package interprets must be well formed, and an unknown type letter rejects the
 * description as RFC 4566 §5 requires.
 */
final class SdpParser {
  private final String[] lines;
  private int lineNumber;
  private String line;

  private Origin origin;
  private String sessionName;
  private Connection sessionConnection;
  private final List<SdpLine> sessionLines = new ArrayList<>();
  private final List<Attribute> sessionAttributes = new ArrayList<>();
  private final List<MediaDescription> media = new ArrayList<>();

  // The media section being read, if any.
  private String[] mediaLine;
  private int mediaLineNumber;
  private Connection mediaConnection;
  private List<SdpLine> mediaLines;
  private List<Attribute> mediaAttributes;
  private StreamAttributes mediaInterpreted;

  SdpParser(String text) {
    this.lines = text.split("\r?\n", -1);
  }

  SessionDescription parse() throws SdpException {
    boolean sawVersion = false;
    for (int i = 0; i < lines.length; i++) {
      lineNumber = i + 1;
      line = lines[i].stripTrailing();
      if (line.isEmpty()) {
        continue;
      }
      if (line.length() < 2 || line.charAt(1) != '=') {
        throw bad("not an SDP line of the form <type>=<value>");
      }
      char type = line.charAt(0);
      String value = line.substring(2);
      if (!sawVersion) {
        // RFC 4566 §5: a description starts with v=, and only version 0 exists.
        if (type != 'v' || !value.equals("0")) {
          throw bad("expected v=0 first");
        }
        sawVersion = true;
        continue;
      }
      if (mediaLine == null) {
        readSessionLine(type, value);
      } else {
        readMediaLine(type, value);
      }
    }
    if (!sawVersion) {
      throw new SdpException("no v= line: empty body");
    }
    endMedia();
    if (origin == null) {
      throw new SdpException("no o= line");
    }
    if (media.isEmpty()) {
      throw new SdpException("no m= line");
    }
    return new SessionDescription(
        origin,
        sessionName == null ? "-" : sessionName,
        sessionConnection,
        sessionLines,
        sessionAttributes,
        media);
  }

  private void readSessionLine(char type, String value) throws SdpException {
    switch (type) {
      case 'o':
        if (origin != null) {
          throw bad("second o= line");
        }
        origin = parseOrigin(value);
        break;
      case 's':
        if (sessionName != null) {
          throw bad("second s= line");
        }
        // Some stacks send "s=" with nothing; RFC 4566 §5.3 says "-" then.
        sessionName = value.isBlank() ? "-" : value;
        break;
      case 'c':
        if (sessionConnection != null) {
          throw bad("second session-level c= line");
        }
        sessionConnection = parseConnection(value);
        break;
      case 'a':
        sessionAttributes.add(parseAttribute(value));
        break;
      case 'm':
        startMedia(value);
        break;
      case 'i', 'u', 'e', 'p', 'b', 't', 'r', 'z', 'k':
        sessionLines.add(new SdpLine(type, value));
        break;
      case 'v':
        throw bad("second v= line");
      default:
        throw bad("unknown line type (RFC 4566 §5 rejects the description)");
    }
  }

  private void readMediaLine(char type, String value) throws SdpException {
    switch (type) {
      case 'm':
        endMedia();
        startMedia(value);
        break;
      case 'c':
        if (mediaConnection != null) {
          throw bad("second c= line in one media section");
        }
        mediaConnection = parseConnection(value);
        break;
      case 'a':
        Attribute attribute = parseAttribute(value);
        try {
          mediaInterpreted.add(attribute);
        } catch (IllegalArgumentException e) {
          throw bad(e.getMessage());
        }
        mediaAttributes.add(attribute);
        break;
      case 'i', 'b', 'k':
        mediaLines.add(new SdpLine(type, value));
        break;
      case 'v', 'o', 's', 'u', 'e', 'p', 't', 'r', 'z':
        throw bad("session-level line after the first m= line");
      default:
        throw bad("unknown line type (RFC 4566 §5 rejects the description)");
    }
  }

  /** RFC 4566 §5.14: {@code m=<media> <port>[/<number of ports>] <proto> <fmt> ...}. */
  private void startMedia(String value) throws SdpException {
    String[] fields = value.trim().split(" +");
    if (fields.length < 4) {
      throw bad("m= needs <media> <port> <proto> <fmt>...");
    }
    String port = fields[1];
    int slash = port.indexOf('/');
    try {
      MediaDescription.checkPort(
          SdpNumbers.parseInt("port", slash < 0 ? port : port.substring(0, slash)));
      if (slash >= 0) {
        SdpNumbers.parseInt("port count", port.substring(slash + 1));
      }
      if (fields[2].startsWith("RTP/")) {
        for (int i = 3; i < fields.length; i++) {
          MediaDescription.parsePayloadType(fields[i]);
        }
      }
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
    mediaLine = fields;
    mediaLineNumber = lineNumber;
    mediaConnection = null;
    mediaLines = new ArrayList<>();
    mediaAttributes = new ArrayList<>();
    mediaInterpreted = new StreamAttributes();
  }

  private void endMedia() throws SdpException {
    if (mediaLine == null) {
      return;
    }
    String port = mediaLine[1];
    int slash = port.indexOf('/');
    try {
      media.add(
          new MediaDescription(
              mediaLine[0],
              Integer.parseInt(slash < 0 ? port : port.substring(0, slash)),
              slash < 0 ? null : Integer.valueOf(port.substring(slash + 1)),
              mediaLine[2],
              List.of(mediaLine).subList(3, mediaLine.length),
              mediaConnection,
              mediaLines,
              mediaAttributes));
    } catch (IllegalArgumentException e) {
      throw new SdpException(mediaLineNumber, lines[mediaLineNumber - 1].strip(), e.getMessage());
    }
    mediaLine = null;
  }

  /** RFC 4566 §5.2: {@code o=<username> <sess-id> <sess-version> IN <addrtype> <address>}. */
  private Origin parseOrigin(String value) throws SdpException {
    String[] fields = value.trim().split(" +");
    if (fields.length != 6) {
      throw bad("o= needs six fields");
    }
    if (!fields[3].equals("IN")) {
      throw bad("network type must be IN");
    }
    try {
      long version = SdpNumbers.parseLong("session version", fields[2]);
      return new Origin(fields[0], fields[1], version, fields[4], fields[5]);
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
  }

  /** RFC 4566 §5.7: {@code c=IN <addrtype> <connection-address>}. */
  private Connection parseConnection(String value) throws SdpException {
    String[] fields = value.trim().split(" +");
    if (fields.length != 3) {
      throw bad("c= needs IN <addrtype> <address>");
    }
    if (!fields[0].equals("IN")) {
      throw bad("network type must be IN");
    }
    try {
      return new Connection(fields[1], fields[2]);
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
  }

  private Attribute parseAttribute(String value) throws SdpException {
    try {
      return Attribute.parse(value);
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
  }

  private SdpException bad(String problem) {
    return new SdpException(lineNumber, line, problem);
  }
}
