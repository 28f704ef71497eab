package org.tawag.sdp;

import java.util.ArrayList;
import java.util.List;
import org.tawag.media.AudioCodec;

/**
 * What a peer's audio stream asks of us: where to send, which of our codecs it names first, its
 * telephone-event payload type, its packet time and direction.
 */
final class RemoteAudio {
  /** The only transport we terminate: plain RTP (RFC 3551); no SRTP, no AVPF feedback. */
  static final String PROTOCOL = "RTP/AVP";

  static final String TELEPHONE_EVENT = "telephone-event";

  /** The RTP clock rate of G.711 and so of the telephone-event that goes with it (RFC 4733 §7). */
  static final int CLOCK_RATE = 8000;

  /** The packet time when the peer names none or one we cannot send (RFC 3551 §4.5 default). */
  static final int DEFAULT_PACKET_TIME_MS = 20;

  final MediaDescription stream;
  final String address;
  final int rtcpPort;
  final AudioCodec codec;
  final int audioPayloadType;
  final int telephoneEventPayloadType;
  final String telephoneEventFmtp;
  final int packetTimeMs;
  final Direction direction;

  private RemoteAudio(SessionDescription sdp, MediaDescription stream, int audioPayloadType) {
    this.stream = stream;
    String connection = sdp.connectionAddressOf(stream);
    boolean legacyHold = IpLiteral.LEGACY_HOLD.equals(connection);
    this.address = legacyHold ? null : connection;
    // RFC 3605 §2.1 (a=rtcp), else RFC 3550 §11 (the next port).
    this.rtcpPort =
        stream.rtcpPort() != null ? stream.rtcpPort() : Math.min(stream.port() + 1, 65535);
    this.codec = codecOf(stream, audioPayloadType);
    this.audioPayloadType = audioPayloadType;
    this.telephoneEventPayloadType = telephoneEventOf(stream);
    this.telephoneEventFmtp =
        telephoneEventPayloadType < 0 ? null : stream.fmtp(telephoneEventPayloadType);
    this.packetTimeMs = packetTime(stream.ptime(), stream.maxptime());
    // c=0.0.0.0 says "do not send to me" (RFC 3264 §8.4): whatever the attribute, the peer does
    // not receive, so sendrecv counts as sendonly and recvonly as inactive.
    Direction declared = sdp.directionOf(stream);
    this.direction = legacyHold ? Direction.of(declared.sends(), false) : declared;
  }

  /**
   * Reads an audio stream of {@code sdp}, choosing the first of its payload types whose codec is in
   * {@code acceptable}.
   *
   * @throws SdpException saying why we cannot use the stream, in words fit for a SIP Warning
   */
  static RemoteAudio read(
      SessionDescription sdp, MediaDescription stream, List<AudioCodec> acceptable)
      throws SdpException {
    if (!stream.media().equals("audio")) {
      throw new SdpException("media type " + stream.media() + " not supported");
    }
    if (!stream.protocol().equals(PROTOCOL)) {
      throw new SdpException("transport " + stream.protocol() + " not supported");
    }
    if (stream.port() == 0) {
      throw new SdpException("audio stream disabled with port 0");
    }
    String connection = sdp.connectionAddressOf(stream);
    if (connection == null) {
      throw new SdpException("audio stream has no c= line");
    }
    if (!IpLiteral.isLiteral(connection)) {
      throw new SdpException("connection address " + connection + " is not an IP literal");
    }
    for (int payloadType : stream.payloadTypes()) {
      AudioCodec codec = codecOf(stream, payloadType);
      if (codec != null && acceptable.contains(codec)) {
        return new RemoteAudio(sdp, stream, payloadType);
      }
    }
    throw new SdpException(
        "no common audio codec: offered " + describe(stream) + ", supported " + acceptable);
  }

  /**
   * The G.711 codec a payload type names: by its {@code a=rtpmap}, else by the static assignment of
   * RFC 3551 table 4 (peers may leave out rtpmap for 0 and 8, RFC 4566 §6); null for others.
   */
  static AudioCodec codecOf(MediaDescription stream, int payloadType) {
    RtpMap rtpmap = stream.rtpmap(payloadType);
    for (AudioCodec codec : AudioCodec.values()) {
      boolean named =
          rtpmap == null
              ? codec.payloadType() == payloadType
              : rtpmap.names(codec.encodingName(), CLOCK_RATE);
      if (named) {
        return codec;
      }
    }
    return null;
  }

  /** The codecs a stream names, in its order. */
  static List<AudioCodec> codecsOf(MediaDescription stream) {
    List<AudioCodec> codecs = new ArrayList<>();
    for (int payloadType : stream.payloadTypes()) {
      AudioCodec codec = codecOf(stream, payloadType);
      if (codec != null && !codecs.contains(codec)) {
        codecs.add(codec);
      }
    }
    return codecs;
  }

  /** The first payload type mapped to telephone-event/8000 (RFC 4733 §7.1.1), or -1. */
  private static int telephoneEventOf(MediaDescription stream) {
    for (int payloadType : stream.payloadTypes()) {
      RtpMap rtpmap = stream.rtpmap(payloadType);
      if (rtpmap != null && rtpmap.names(TELEPHONE_EVENT, CLOCK_RATE)) {
        return payloadType;
      }
    }
    return -1;
  }

  /**
   * The packet time to send: the peer's {@code a=ptime} when it is one we can send (10..60 ms in
   * steps of 10), else 20 ms, never above the peer's {@code a=maxptime} (RFC 4566 §6).
   */
  static int packetTime(Integer ptime, Integer maxptime) {
    boolean usable = ptime != null && ptime >= 10 && ptime <= 60 && ptime % 10 == 0;
    int packetTime = usable ? ptime : DEFAULT_PACKET_TIME_MS;
    if (maxptime != null && maxptime < packetTime) {
      packetTime = Math.max(10, maxptime / 10 * 10);
    }
    return packetTime;
  }

  /** The stream's formats as "18 G729/8000, 0" for a warning text. */
  private static String describe(MediaDescription stream) {
    List<String> parts = new ArrayList<>();
    for (String format : stream.formats()) {
      RtpMap rtpmap = stream.rtpmap(Integer.parseInt(format));
      parts.add(
          rtpmap == null
              ? format
              : format + " " + rtpmap.encodingName() + "/" + rtpmap.clockRate());
    }
    return String.join(", ", parts);
  }
}
