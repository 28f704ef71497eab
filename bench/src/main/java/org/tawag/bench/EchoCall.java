package org.tawag.bench;

import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.BitSet;

/**
 * One call of the load: its SIP dialog (owned by the {@link SipCaller} thread), its RTP socket
 * and the media counters (frames sent by the {@link RtpSender} thread, echoes counted by the
 * {@link RtpReceiver} thread).
 *
 * <p>Cross-thread hand-offs go through volatile fields: the SIP thread publishes {@link #remoteRtp}
 * and {@link #mediaStartNanos} before setting {@link #sending}; the sender writes a frame's send
 * time before publishing the new {@link #framesSent}, which the receiver reads before looking the
 * send time up.
 */
final class EchoCall {
  enum State {
    IDLE,
    CALLING,
    PROCEEDING,
    ANSWERED,
    HANGING_UP,
    DONE
  }

  final int index;
  final DatagramChannel rtp;
  final int localRtpPort;
  final long[] sendNanos;

  // SIP thread.
  State state = State.IDLE;
  String callId;
  String fromTag;
  String toHeader = "";
  String remoteTarget = "";
  String inviteBranch;
  byte[] pending;
  long retransmitNanos;
  int timerGeneration;
  byte[] ack;
  /** Volatile: read by the operator threads for arrival to offer. */
  volatile long inviteNanos;
  /** When the first 100 Trying arrived, or -1. */
  long tryingNanos = -1;
  /** When the first 180 or 183 arrived, or -1. */
  volatile long ringNanos = -1;
  long answerNanos = -1;
  long byeNanos = -1;
  /** When the call reached DONE, or -1. */
  long doneNanos = -1;
  /** Why the call failed, or null while it has not. */
  String failure;

  // Operator client threads: when the first offer of this call was read, or -1.
  long offerNanos = -1;

  // SIP thread -> sender and receiver.
  volatile InetSocketAddress remoteRtp;
  volatile long mediaStartNanos;
  volatile boolean sending;

  // Sender thread (framesSent read by the receiver and at the end).
  volatile int framesSent;
  long firstTick;
  int rtpSequence;
  int rtpTimestamp;
  int ssrc;
  long lateSends;

  // Receiver thread.
  final BitSet echoed = new BitSet();
  int echoedFrames;
  long packetsIn;
  long fillFrames;
  long duplicates;
  long foreign;
  long firstEchoNanos = -1;
  long lastEchoNanos = -1;

  EchoCall(int index, DatagramChannel rtp, int localRtpPort, int maxFrames) {
    this.index = index;
    this.rtp = rtp;
    this.localRtpPort = localRtpPort;
    this.sendNanos = new long[maxFrames];
  }

  /** Fraction of the frames sent whose echo never came back (0 when nothing was sent). */
  double loss() {
    int sent = framesSent;
    return sent == 0 ? 0 : 1.0 - (double) echoedFrames / sent;
  }
}
