package org.tawag.bench;

import java.net.InetSocketAddress;

/**
 * What one run of the echo load does.
 *
 * @param server Tawag's SIP address (UDP)
 * @param number the dialled number (the echo, 600, in the demo dial plan)
 * @param calls how many calls to place
 * @param rate calls started per second
 * @param holdMillis how long each call sends RTP after its 200 OK
 * @param drainMillis the wait between the last frame sent and the BYE, for the last echoes
 * @param rtpBase the first local RTP port; call i uses rtpBase + 2i (or the next free even one)
 * @param sipPort the local SIP port, 0 for any
 * @param maxLoss the frame loss above which a call counts as failed (0.05 = 5 %); 1 or more
 *     leaves audio unchecked (counted, but neither loss nor a missing echo fails a call)
 * @param inFlight the most calls started and not finished at once, 0 for no limit (a closed loop,
 *     as SIPp's {@code -l}: with a high {@code rate} it measures the rate the server sustains)
 */
record LoadConfig(
    InetSocketAddress server,
    String number,
    int calls,
    double rate,
    long holdMillis,
    long drainMillis,
    int rtpBase,
    int sipPort,
    double maxLoss,
    int inFlight) {

  LoadConfig {
    if (calls < 1) {
      throw new IllegalArgumentException("calls must be at least 1: " + calls);
    }
    if (!(rate > 0)) {
      throw new IllegalArgumentException("rate must be positive: " + rate);
    }
    if (holdMillis < 100) {
      throw new IllegalArgumentException("hold must be at least 100 ms: " + holdMillis);
    }
    if (inFlight < 0) {
      throw new IllegalArgumentException("in-flight must be 0 (no limit) or more: " + inFlight);
    }
    if (rtpBase < 1024 || rtpBase % 2 != 0 || rtpBase + 2L * calls > 65534) {
      throw new IllegalArgumentException("rtp base must be even and leave room: " + rtpBase);
    }
  }

  /** Frames one call sends at most (the hold at 50 frames a second, plus a margin). */
  int maxFrames() {
    return (int) (holdMillis / 20 + 100);
  }
}
