package org.tawag.media.session;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.media.AudioCodec;
import org.tawag.media.AudioSource;
import org.tawag.media.dtmf.DtmfSender;
import org.tawag.media.rtp.RtpHeader;

/**
 * The sending half of a leg: one SSRC, sequence and timestamp line for the leg's whole life (RFC
 * 3550 §5.1), whatever the source, and the RFC 4733 events that interrupt it.
 *
 * <p>Driven once per 20 ms frame. The timestamp follows a sample counter that advances 160 per
 * frame whether or not anything is sent, so it tracks real time even across hold, DTMF and skipped
 * ticks. Frames are packed into packets of the negotiated packet time (10 ms packets split a frame,
 * 30/40/60 ms packets accumulate frames).
 *
 * <p>Not thread-safe: runs on the leg's event loop.
 */
final class OutgoingStream {
  /** Where finished packets go. */
  interface PacketWriter {
    void write(byte[] packet, int length);
  }

  private static final Logger log = LoggerFactory.getLogger(OutgoingStream.class);
  private static final int MAX_PACKET_SAMPLES = 480;

  private final PacketWriter writer;
  private final long ssrc;
  private final long initialTimestamp;
  private final byte[] packet = new byte[RtpHeader.LENGTH + MAX_PACKET_SAMPLES];
  private final byte[] frame = new byte[AudioCodec.FRAME_SAMPLES];
  private final byte[] pending = new byte[MAX_PACKET_SAMPLES + AudioCodec.FRAME_SAMPLES];
  private final DtmfSender dtmf = new DtmfSender();

  private AudioCodec codec = AudioCodec.PCMU;
  private int audioPayloadType;
  private int eventPayloadType = -1;
  private int packetSamples = AudioCodec.FRAME_SAMPLES;
  private int sequence;
  private long samples;
  private int pendingLength;
  private long pendingStart;
  private boolean marker = true;
  private long packetsSent;
  private long octetsSent;

  OutgoingStream(PacketWriter writer) {
    this.writer = writer;
    ThreadLocalRandom random = ThreadLocalRandom.current();
    // Random SSRC, initial sequence and timestamp (RFC 3550 §5.1, §8).
    this.ssrc = random.nextLong(1L << 32);
    this.sequence = random.nextInt(1 << 16);
    this.initialTimestamp = random.nextLong(1L << 32);
  }

  /** Applies what SDP decided; a changed codec or packet time drops a half-filled packet. */
  void configure(AudioCodec codec, int audioPayloadType, int eventPayloadType, int packetTimeMs) {
    int samplesPerPacket = packetTimeMs * 8;
    if (codec != this.codec || samplesPerPacket != packetSamples) {
      pendingLength = 0;
    }
    this.codec = codec;
    this.audioPayloadType = audioPayloadType;
    this.eventPayloadType = eventPayloadType;
    this.packetSamples = Math.min(MAX_PACKET_SAMPLES, samplesPerPacket);
  }

  /** Marks the next audio packet (M=1): the receiver may reset its playout on a new source. */
  void markNextPacket() {
    marker = true;
  }

  /**
   * Starts an RFC 4733 event at the current timestamp (RFC 4733 §2.5.1.2); audio pauses until it
   * ends.
   *
   * @return false when no telephone-event payload type was negotiated
   */
  boolean startDigit(char digit, int durationMs) {
    if (eventPayloadType < 0) {
      return false;
    }
    dtmf.start(digit, durationMs, timestamp());
    pendingLength = 0;
    return true;
  }

  /**
   * Produces one 20 ms frame: a DTMF packet while an event runs, else audio from {@code source}
   * (silence when it has none).
   *
   * @param send false while the direction forbids sending or there is no destination: the clock
   *     runs on, nothing is written
   */
  void frame(boolean send, AudioSource source) {
    try {
      if (dtmf.active() && sendEvent(send)) {
        return;
      }
      if (!send) {
        pendingLength = 0;
        return;
      }
      readSource(source);
      if (pendingLength == 0) {
        pendingStart = samples;
      }
      System.arraycopy(frame, 0, pending, pendingLength, frame.length);
      pendingLength += frame.length;
      while (pendingLength >= packetSamples) {
        sendAudio();
      }
    } finally {
      samples += AudioCodec.FRAME_SAMPLES;
    }
  }

  /** Lets {@code frames} frame times pass unsent: the pacer fell behind and resynchronises. */
  void skip(long frames) {
    samples += frames * AudioCodec.FRAME_SAMPLES;
    pendingLength = 0;
    marker = true;
  }

  private boolean sendEvent(boolean send) {
    int length = dtmf.next(packet, RtpHeader.LENGTH);
    if (length == 0) {
      marker = true;
      return false;
    }
    if (send) {
      RtpHeader.write(
          packet, 0, eventPayloadType, dtmf.marker(), nextSequence(), dtmf.timestamp(), ssrc);
      emit(RtpHeader.LENGTH + length, length);
    }
    if (!dtmf.active()) {
      marker = true; // Audio after an event starts a new talkspurt (RFC 4733 §2.5.1.5).
    }
    return true;
  }

  private void readSource(AudioSource source) {
    boolean filled = false;
    if (source != null) {
      try {
        filled = source.read(codec, frame);
      } catch (RuntimeException e) {
        log.warn("audio source {} failed; sending silence", source, e);
      }
    }
    if (!filled) {
      Arrays.fill(frame, codec.silence());
    }
  }

  private void sendAudio() {
    long timestamp = (initialTimestamp + pendingStart) & 0xFFFFFFFFL;
    RtpHeader.write(packet, 0, audioPayloadType, marker, nextSequence(), timestamp, ssrc);
    marker = false;
    System.arraycopy(pending, 0, packet, RtpHeader.LENGTH, packetSamples);
    pendingLength -= packetSamples;
    System.arraycopy(pending, packetSamples, pending, 0, pendingLength);
    pendingStart += packetSamples;
    emit(RtpHeader.LENGTH + packetSamples, packetSamples);
  }

  private void emit(int length, int payloadLength) {
    writer.write(packet, length);
    packetsSent++;
    octetsSent += payloadLength;
  }

  private int nextSequence() {
    int s = sequence;
    sequence = (sequence + 1) & 0xFFFF;
    return s;
  }

  long ssrc() {
    return ssrc;
  }

  /** The RTP timestamp of the current instant: the start of the next frame. */
  long timestamp() {
    return (initialTimestamp + samples) & 0xFFFFFFFFL;
  }

  long packetsSent() {
    return packetsSent;
  }

  long octetsSent() {
    return octetsSent;
  }
}
