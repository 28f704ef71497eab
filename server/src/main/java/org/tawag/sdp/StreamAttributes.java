package org.tawag.sdp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attributes of one media stream that this package interprets, read one {@code a=} line at a
 * time so that the parser can name the line that is malformed or contradicts an earlier one.
 */
final class StreamAttributes {
  final Map<Integer, RtpMap> rtpmaps = new LinkedHashMap<>();
  final Map<String, String> fmtps = new LinkedHashMap<>();
  Integer ptime;
  Integer maxptime;
  Integer rtcpPort;
  Direction direction;

  /**
   * Reads one attribute; attributes this package does not interpret are accepted as they are.
   *
   * @throws IllegalArgumentException naming the problem when the value is malformed or repeats one
   *     that may appear only once
   */
  void add(Attribute attribute) {
    String value = attribute.value();
    switch (attribute.name()) {
      case "rtpmap":
        RtpMap rtpmap = RtpMap.parse(requireValue(attribute));
        if (rtpmaps.put(rtpmap.payloadType(), rtpmap) != null) {
          throw new IllegalArgumentException(
              "second rtpmap for payload type " + rtpmap.payloadType());
        }
        break;
      case "fmtp":
        // RFC 4566 §6: a=fmtp:<format> <format specific parameters>
        String[] parts = requireValue(attribute).split(" ", 2);
        if (parts[0].isEmpty() || parts.length < 2) {
          throw new IllegalArgumentException("fmtp must be <format> <parameters>");
        }
        if (fmtps.put(parts[0], parts[1].trim()) != null) {
          throw new IllegalArgumentException("second fmtp for format " + parts[0]);
        }
        break;
      case "ptime":
        ptime = positive(attribute, ptime);
        break;
      case "maxptime":
        maxptime = positive(attribute, maxptime);
        break;
      case "rtcp":
        // RFC 3605 §2.1: a=rtcp:<port> [<nettype> <addrtype> <address>]
        int port =
            SdpNumbers.parseInt("rtcp port", requireValue(attribute).trim().split(" ", 2)[0]);
        MediaDescription.checkPort(port);
        rtcpPort = port;
        break;
      default:
        Direction named = Direction.lookup(attribute.name());
        if (named != null) {
          if (value != null) {
            throw new IllegalArgumentException("a direction attribute takes no value");
          }
          if (direction != null) {
            throw new IllegalArgumentException("second direction attribute");
          }
          direction = named;
        }
    }
  }

  private static String requireValue(Attribute attribute) {
    if (attribute.value() == null || attribute.value().isBlank()) {
      throw new IllegalArgumentException(attribute.name() + " needs a value");
    }
    return attribute.value();
  }

  private static Integer positive(Attribute attribute, Integer previous) {
    if (previous != null) {
      throw new IllegalArgumentException("second " + attribute.name() + " attribute");
    }
    int value = SdpNumbers.parseInt(attribute.name(), requireValue(attribute).trim());
    if (value == 0) {
      throw new IllegalArgumentException(attribute.name() + " must be positive");
    }
    return value;
  }
}
