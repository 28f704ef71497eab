package org.tawag.media.session;

import org.tawag.media.AudioCodec;
import org.tawag.media.dtmf.DtmfReceiver;
import org.tawag.media.dtmf.TelephoneEvent;
import org.tawag.media.rtp.ReceiveStatistics;
import org.tawag.media.rtp.RtpHeader;

/**
 * The receiving half of a leg: parse → payload type check → statistics → jitter buffer for audio,
 * or → digit detection for RFC 4733 events. Each step counts what it drops.
 *
 * <p>Not thread-safe: runs on the leg's event loop.
 */
final class IncomingStream {
  /** What one datagram turned out to be. */
  enum Kind {
    /** Not an RTP packet (RFC 3550 §5.1 checks failed); dropped. */
    MALFORMED,
    /** A payload type SDP did not negotiate (e.g. comfort noise); dropped. */
    UNKNOWN_PAYLOAD_TYPE,
    /** Negotiated audio or event, but the statistics refused it (probation, big jump). */
    REJECTED,
    /** Audio accepted. */
    AUDIO,
    /** A telephone event; {@link #digit()} says whether it started a new digit. */
    EVENT
  }

  private final ReceiveStatistics statistics = new ReceiveStatistics();
  private final DtmfReceiver digits = new DtmfReceiver();
  private final JitterBuffer jitterBuffer;

  private AudioCodec codec = AudioCodec.PCMU;
  private int audioPayloadType = -1;
  private int eventPayloadType = -1;
  private char digit;
  private long malformed;
  private long unknownPayloadType;
  private long rejected;

  IncomingStream(int targetDepthFrames, int maxDepthFrames) {
    this.jitterBuffer = new JitterBuffer(targetDepthFrames, maxDepthFrames);
  }

  /** Applies what SDP decided; a codec change empties the jitter buffer. */
  void configure(AudioCodec codec, int audioPayloadType, int eventPayloadType) {
    if (codec != this.codec) {
      jitterBuffer.reset();
    }
    this.codec = codec;
    this.audioPayloadType = audioPayloadType;
    this.eventPayloadType = eventPayloadType;
  }

  /**
   * Takes one datagram.
   *
   * @param arrivalRtpUnits the arrival time in 8 kHz units (RFC 3550 A.8)
   * @param playout false while the direction says we do not receive: stats only, no playout
   */
  Kind accept(byte[] buf, int len, long arrivalRtpUnits, boolean playout) {
    digit = 0;
    RtpHeader header = RtpHeader.parse(buf, 0, len);
    if (header == null) {
      malformed++;
      return Kind.MALFORMED;
    }
    int pt = header.payloadType();
    if (pt == eventPayloadType) {
      TelephoneEvent event =
          TelephoneEvent.parse(buf, header.payloadOffset(), header.payloadLength());
      if (event == null) {
        malformed++;
        return Kind.MALFORMED;
      }
      if (playout) {
        digit = digits.accept(header.timestamp(), event);
      }
      return Kind.EVENT;
    }
    if (pt != audioPayloadType) {
      unknownPayloadType++;
      return Kind.UNKNOWN_PAYLOAD_TYPE;
    }
    long ssrcBefore = statistics.ssrc();
    boolean hadPackets = statistics.packetsReceived() > 0;
    if (!statistics.update(header.ssrc(), header.sequence(), header.timestamp(), arrivalRtpUnits)) {
      rejected++;
      return Kind.REJECTED;
    }
    if (hadPackets && statistics.ssrc() != ssrcBefore) {
      // A new source (transfer, early media → answer): its timeline has nothing to do with the
      // old one (tech notes §3.4).
      jitterBuffer.reset();
      digits.reset();
    }
    if (playout) {
      jitterBuffer.put(header.timestamp(), buf, header.payloadOffset(), header.payloadLength());
    }
    return Kind.AUDIO;
  }

  /** The digit the last {@link Kind#EVENT} started, or 0. */
  char digit() {
    return digit;
  }

  /** Takes the next 20 ms frame for playout; false while priming or on underrun. */
  boolean poll(byte[] frame) {
    return jitterBuffer.poll(frame);
  }

  /** The codec of the frames {@link #poll} returns. */
  AudioCodec codec() {
    return codec;
  }

  ReceiveStatistics statistics() {
    return statistics;
  }

  JitterBuffer jitterBuffer() {
    return jitterBuffer;
  }

  long malformed() {
    return malformed;
  }

  long unknownPayloadType() {
    return unknownPayloadType;
  }

  long rejected() {
    return rejected;
  }
}
