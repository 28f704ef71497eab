package org.tawag.sdp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import org.tawag.media.AudioCodec;
import org.tawag.media.MediaParams;

/**
 * What an offer/answer exchange decided for a call leg's audio stream, seen from our side.
 *
 * @param remoteAddress the peer's media IP literal, or null when it holds with {@code c=0.0.0.0}
 *     (RFC 3264 §8.4) or the stream has port 0
 * @param remoteRtpPort the peer's RTP port
 * @param remoteRtcpPort the peer's RTCP port: its {@code a=rtcp} (RFC 3605), else RTP port + 1
 * @param codec the audio codec both sides agreed on
 * @param audioPayloadType the payload type number the peer gave {@code codec}
 * @param telephoneEventPayloadType the peer's RFC 4733 payload type, or -1 for none
 * @param packetTimeMs the packet time to send: the peer's {@code a=ptime} when we can send it, else
 *     20
 * @param localDirection what we do: our answer's direction, or for our offer the part of it the
 *     answer allowed
 */
public record Negotiated(
    String remoteAddress,
    int remoteRtpPort,
    int remoteRtcpPort,
    AudioCodec codec,
    int audioPayloadType,
    int telephoneEventPayloadType,
    int packetTimeMs,
    Direction localDirection) {
  public Negotiated {
    if (remoteAddress != null && !IpLiteral.isLiteral(remoteAddress)) {
      throw new IllegalArgumentException("remote address must be an IP literal: " + remoteAddress);
    }
    MediaDescription.checkPort(remoteRtpPort);
    MediaDescription.checkPort(remoteRtcpPort);
    Objects.requireNonNull(codec, "codec");
    MediaDescription.checkPayloadType(audioPayloadType);
    if (telephoneEventPayloadType != -1) {
      MediaDescription.checkPayloadType(telephoneEventPayloadType);
    }
    if (telephoneEventPayloadType == audioPayloadType) {
      throw new IllegalArgumentException("audio and telephone-event share payload type");
    }
    if (packetTimeMs < 10 || packetTimeMs > 60 || packetTimeMs % 10 != 0) {
      throw new IllegalArgumentException("packet time must be 10..60 ms in steps of 10");
    }
    Objects.requireNonNull(localDirection, "localDirection");
  }

  /**
   * The parameters for the media engine. The remote RTP and RTCP addresses are null when there is
   * no address to send to (legacy hold or port 0); an RTCP port of 0 gives a null RTCP address.
   */
  public MediaParams toMediaParams() {
    InetSocketAddress rtp = null;
    InetSocketAddress rtcp = null;
    if (remoteAddress != null && remoteRtpPort != 0) {
      InetAddress address = IpLiteral.parse(remoteAddress);
      rtp = new InetSocketAddress(address, remoteRtpPort);
      rtcp = remoteRtcpPort == 0 ? null : new InetSocketAddress(address, remoteRtcpPort);
    }
    return new MediaParams(
        rtp,
        rtcp,
        codec,
        audioPayloadType,
        telephoneEventPayloadType,
        packetTimeMs,
        localDirection.sends(),
        localDirection.receives());
  }
}
