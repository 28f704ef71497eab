package org.tawag.sdp;

import java.util.Locale;

/**
 * The value of an {@code a=rtpmap} attribute (RFC 4566 §6): {@code <payload type> <encoding
 * name>/<clock rate>[/<encoding parameters>]}.
 *
 * @param payloadType the RTP payload type, 0..127
 * @param encodingName for example {@code PCMA} or {@code telephone-event}, as written
 * @param clockRate the RTP clock rate in Hz
 * @param encodingParameters the channel count for audio, or null when absent
 */
public record RtpMap(
    int payloadType, String encodingName, int clockRate, String encodingParameters) {
  public RtpMap {
    MediaDescription.checkPayloadType(payloadType);
    Origin.checkToken("encoding name", encodingName);
    if (encodingName.indexOf('/') >= 0) {
      throw new IllegalArgumentException("bad encoding name: " + encodingName);
    }
    if (clockRate <= 0) {
      throw new IllegalArgumentException("clock rate must be positive: " + clockRate);
    }
    if (encodingParameters != null) {
      Origin.checkToken("encoding parameters", encodingParameters);
    }
  }

  /**
   * Parses the text after {@code a=rtpmap:}.
   *
   * @throws IllegalArgumentException naming the value when it is not of that form
   */
  static RtpMap parse(String value) {
    String[] parts = value.trim().split(" +", 2);
    String[] encoding = parts.length == 2 ? parts[1].trim().split("/", 3) : new String[0];
    if (encoding.length < 2) {
      throw new IllegalArgumentException("rtpmap must be <pt> <encoding>/<rate>: " + value);
    }
    return new RtpMap(
        MediaDescription.parsePayloadType(parts[0]),
        encoding[0],
        SdpNumbers.parseInt("clock rate", encoding[1]),
        encoding.length == 3 ? encoding[2] : null);
  }

  /**
   * Whether this names {@code encoding} at {@code rate} with at most one channel; encoding names
   * compare case-insensitively (RFC 4855 §3).
   */
  public boolean names(String encoding, int rate) {
    return encodingName.toLowerCase(Locale.ROOT).equals(encoding.toLowerCase(Locale.ROOT))
        && clockRate == rate
        && (encodingParameters == null || encodingParameters.equals("1"));
  }

  /** The attribute value, without {@code a=rtpmap:}. */
  public String value() {
    String base = payloadType + " " + encodingName + "/" + clockRate;
    return encodingParameters == null ? base : base + "/" + encodingParameters;
  }
}
