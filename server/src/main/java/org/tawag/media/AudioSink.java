package org.tawag.media;

/**
 * Where a call leg delivers the audio it receives, after the jitter buffer: whole 20 ms frames in
 * order, whatever packet time the peer used.
 *
 * <p>Runs on the leg's event loop; must not block. The frame array is reused after the call
 * returns: copy what must be kept.
 */
@FunctionalInterface
public interface AudioSink {
  /** Takes one 20 ms frame ({@link AudioCodec#FRAME_SAMPLES} bytes) encoded in {@code codec}. */
  void write(AudioCodec codec, byte[] frame);
}
