package org.tawag.media;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What SDP negotiation decided for one call leg's RTP stream.
 *
 * @param remoteRtp where to send RTP until the peer's packets show their real source (symmetric
 *     RTP); null while the peer holds with {@code c=0.0.0.0}
 * @param remoteRtcp where to send RTCP (RTP port + 1 unless {@code a=rtcp} said otherwise)
 * @param codec the audio codec both sides agreed on
 * @param audioPayloadType the payload type number for {@code codec} (the static one for G.711)
 * @param telephoneEventPayloadType the RFC 4733 payload type the offer named, or -1 for none
 * @param packetTimeMs the packet time to send (the peer's {@code a=ptime}, else 20)
 * @param send whether the direction lets us send (sendrecv or sendonly from our side)
 * @param receive whether the direction lets us receive (sendrecv or recvonly from our side)
 */
public record MediaParams(
    InetSocketAddress remoteRtp,
    InetSocketAddress remoteRtcp,
    AudioCodec codec,
    int audioPayloadType,
    int telephoneEventPayloadType,
    int packetTimeMs,
    boolean send,
    boolean receive) {
  public MediaParams {
    Objects.requireNonNull(codec, "codec");
    if (packetTimeMs <= 0 || packetTimeMs % 10 != 0 || packetTimeMs > 60) {
      throw new IllegalArgumentException(
          "packet time must be 10..60 ms in steps of 10: " + packetTimeMs);
    }
  }
}
