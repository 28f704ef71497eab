package org.tawag.media;

/**
 * Where a call leg takes the audio it sends: a prompt, hold music, an echo, a bridged party.
 *
 * <p>Runs on the leg's event loop, once per 20 ms frame; must not block or allocate per call.
 */
@FunctionalInterface
public interface AudioSource {
  /**
   * Fills {@code frame} with the next 20 ms ({@link AudioCodec#FRAME_SAMPLES} bytes) encoded in
   * {@code codec}.
   *
   * @return false when the source has nothing this frame; the leg then sends silence
   */
  boolean read(AudioCodec codec, byte[] frame);
}
