package org.tawag.media;

/**
 * A G.711 audio codec as negotiated in SDP (RFC 3551 static payload types).
 *
 * <p>Every frame inside Tawag is 20 ms of 8 kHz audio: 160 bytes of this codec's encoding.
 */
public enum AudioCodec {
  /** G.711 µ-law, static payload type 0. */
  PCMU(0, "PCMU", (byte) 0xFF),
  /** G.711 A-law, static payload type 8. */
  PCMA(8, "PCMA", (byte) 0xD5);

  /** Samples in one 20 ms frame at 8 kHz; also the bytes of one G.711 frame. */
  public static final int FRAME_SAMPLES = 160;

  private final int payloadType;
  private final String encodingName;
  private final byte silence;

  AudioCodec(int payloadType, String encodingName, byte silence) {
    this.payloadType = payloadType;
    this.encodingName = encodingName;
    this.silence = silence;
  }

  /** The static RTP payload type (RFC 3551 table 4). */
  public int payloadType() {
    return payloadType;
  }

  /** The encoding name as written in {@code a=rtpmap}. */
  public String encodingName() {
    return encodingName;
  }

  /** The code for a zero sample, sent while there is nothing to play. */
  public byte silence() {
    return silence;
  }
}
