package org.tawag.agent;

import org.tawag.media.AudioCodec;

/**
 * The binary audio frame on the agent WebSocket (docs/agent-protocol.md, audio format 1): an 8-byte
 * header then one 20 ms G.711 frame.
 *
 * <pre>
 * byte 0     format version, 1
 * byte 1     RTP payload type of the payload: 0 = PCMU (µ-law), 8 = PCMA (A-law)
 * bytes 2-3  sequence number, unsigned 16-bit big-endian, +1 per frame
 * bytes 4-7  timestamp, unsigned 32-bit big-endian, in 8 kHz samples, +160 per frame
 * bytes 8-   160 bytes of G.711
 * </pre>
 *
 * <p>The server sends the caller's audio in the call's codec, so a PCMU or PCMA trunk passes
 * through untouched; the browser sends either law.
 */
public final class AgentFrames {
  /** The only format version. */
  public static final int VERSION = 1;

  /** Header length in bytes. */
  public static final int HEADER = 8;

  /** Whole frame length in bytes. */
  public static final int LENGTH = HEADER + AudioCodec.FRAME_SAMPLES;

  private AgentFrames() {}

  /** Writes a frame for {@code payload} (160 bytes of {@code codec}) into {@code out}. */
  public static void encode(AudioCodec codec, int seq, long timestamp, byte[] payload, byte[] out) {
    out[0] = VERSION;
    out[1] = (byte) codec.payloadType();
    out[2] = (byte) (seq >>> 8);
    out[3] = (byte) seq;
    out[4] = (byte) (timestamp >>> 24);
    out[5] = (byte) (timestamp >>> 16);
    out[6] = (byte) (timestamp >>> 8);
    out[7] = (byte) timestamp;
    System.arraycopy(payload, 0, out, HEADER, AudioCodec.FRAME_SAMPLES);
  }

  /**
   * The codec of a received frame, or null when it is not a valid format-1 frame (wrong length,
   * version or payload type); the caller counts and drops those.
   */
  public static AudioCodec codecOf(byte[] frame) {
    if (frame.length != LENGTH || frame[0] != VERSION) {
      return null;
    }
    return switch (frame[1]) {
      case 0 -> AudioCodec.PCMU;
      case 8 -> AudioCodec.PCMA;
      default -> null;
    };
  }

  /** The sequence number of a frame. */
  public static int seq(byte[] frame) {
    return ((frame[2] & 0xFF) << 8) | (frame[3] & 0xFF);
  }
}
