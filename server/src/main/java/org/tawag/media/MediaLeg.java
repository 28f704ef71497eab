package org.tawag.media;

import java.util.concurrent.Executor;

/**
 * One call leg's RTP and RTCP: an even/odd port pair bound on the media range, a constant outgoing
 * SSRC/sequence/timestamp line, a jitter buffer on receive, RFC 4733 digits both ways.
 *
 * <p>Every method may be called from any thread; the leg runs its work and all listener callbacks
 * on {@link #executor()}, the call's serial context.
 */
public interface MediaLeg extends AutoCloseable {

  /** Events a leg reports; called on the leg's executor. */
  interface Listener {
    /** An RFC 4733 digit ('0'-'9', '*', '#', 'A'-'D'), reported once per event. */
    default void onDigit(char digit) {}

    /** No RTP arrived for the configured media timeout while receiving was expected. */
    default void onMediaTimeout() {}
  }

  /** The call's serial context: the event loop that owns this leg's channels. */
  Executor executor();

  /** The local RTP port (even); RTCP is on the next port. */
  int localRtpPort();

  /** Starts or changes the stream as SDP decided; starts pacing on the first call. */
  void configure(MediaParams params);

  /** Sets what the leg sends from the next frame on; null sends silence. Keeps SSRC/seq/ts. */
  void setSource(AudioSource source);

  /** Sets where received frames go; null discards them. */
  void setSink(AudioSink sink);

  /** Sets the event listener; null for none. */
  void setListener(Listener listener);

  /** Sends an RFC 4733 event for {@code digit} lasting {@code durationMs}, suspending audio. */
  void sendDigit(char digit, int durationMs);

  /** A snapshot of the leg's RTP/RTCP statistics. */
  MediaStats stats();

  /** Stops pacing, sends RTCP BYE, closes both channels and returns the port pair to quarantine. */
  @Override
  void close();
}
