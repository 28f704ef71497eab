package org.tawag.sdp;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.tawag.media.AudioCodec;

/**
 * What this side of a call leg can do with media: where it receives RTP and which codecs it takes.
 *
 * @param address the IP literal written in our {@code c=} line (the configured media address)
 * @param rtpPort the local RTP port; RTCP is on the next port (RFC 3550 §11)
 * @param codecs the codecs we accept, most preferred first; our offers list them in this order
 * @param telephoneEventPayloadType the RFC 4733 payload type our offers declare (96..127, for
 *     example 101), or -1 to offer none; answers reuse the offerer's number instead
 */
public record LocalMedia(
    String address, int rtpPort, List<AudioCodec> codecs, int telephoneEventPayloadType) {
  public LocalMedia {
    if (!IpLiteral.isLiteral(address) || IpLiteral.LEGACY_HOLD.equals(address)) {
      throw new IllegalArgumentException("local media address must be an IP literal: " + address);
    }
    if (rtpPort < 1 || rtpPort > 65534) {
      throw new IllegalArgumentException("RTP port must be 1..65534: " + rtpPort);
    }
    codecs = List.copyOf(Objects.requireNonNull(codecs, "codecs"));
    if (codecs.isEmpty() || EnumSet.copyOf(codecs).size() != codecs.size()) {
      throw new IllegalArgumentException("codecs must be non-empty without repeats: " + codecs);
    }
    // RFC 3551 §3: dynamic payload types are 96..127.
    if (telephoneEventPayloadType != -1
        && (telephoneEventPayloadType < 96 || telephoneEventPayloadType > 127)) {
      throw new IllegalArgumentException(
          "telephone-event payload type must be 96..127 or -1: " + telephoneEventPayloadType);
    }
  }
}
