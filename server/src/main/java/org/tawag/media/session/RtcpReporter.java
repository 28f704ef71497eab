package org.tawag.media.session;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.tawag.media.rtp.ReceiveStatistics;
import org.tawag.media.rtp.Rtcp;

/**
 * The RTCP side of a leg: when to report, what to put in our SR/RR, and what the peer's reports say
 * about our stream (RFC 3550 §6.4).
 *
 * <p>Not thread-safe: runs on the leg's event loop.
 */
final class RtcpReporter {
  /** The RFC 3550 §6.2 minimum interval; each interval is randomised ×[0.5, 1.5] (§6.3.1). */
  static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final String cname;
  private long nextReportNanos;
  private long lastSenderReport;
  private long lastSenderReportArrival;
  private boolean haveSenderReport;
  private double remoteFractionLost = -1;
  private double remoteJitterMs = -1;

  RtcpReporter(String cname) {
    this.cname = cname;
  }

  /** Schedules the first report; the first interval is halved (RFC 3550 §6.3.1). */
  void start(long nowNanos) {
    nextReportNanos = nowNanos + randomised(INTERVAL_NANOS / 2);
  }

  /** Whether a report is due now; if so the next one is scheduled. */
  boolean due(long nowNanos) {
    if (nowNanos - nextReportNanos < 0) {
      return false;
    }
    nextReportNanos = nowNanos + randomised(INTERVAL_NANOS);
    return true;
  }

  /**
   * Writes a compound SR (when we have sent RTP) or RR, with a report block when we have received
   * RTP, and the SDES CNAME.
   */
  int writeReport(
      byte[] out,
      long ssrc,
      OutgoingStream sent,
      ReceiveStatistics received,
      long nowNanos,
      long unixMillis) {
    Rtcp.SenderInfo info = null;
    if (sent.packetsSent() > 0) {
      info =
          new Rtcp.SenderInfo(
              Rtcp.ntpTimestamp(unixMillis),
              sent.timestamp(),
              sent.packetsSent() & 0xFFFFFFFFL,
              sent.octetsSent() & 0xFFFFFFFFL);
    }
    Rtcp.ReportBlock block = null;
    if (received.packetsReceived() > 0) {
      long dlsr = 0;
      if (haveSenderReport) {
        // DLSR in units of 1/65536 s (RFC 3550 §6.4.1).
        dlsr = ((nowNanos - lastSenderReportArrival) << 16) / 1_000_000_000L;
      }
      block =
          new Rtcp.ReportBlock(
              received.ssrc(),
              received.fractionLostAndResetInterval(),
              (int) Math.max(-0x800000, Math.min(0x7FFFFF, received.cumulativeLost())),
              received.extendedHighestSequence() & 0xFFFFFFFFL,
              received.jitter(),
              haveSenderReport ? lastSenderReport : 0,
              dlsr & 0xFFFFFFFFL);
    }
    return Rtcp.writeReport(out, 0, ssrc, info, block, cname);
  }

  /** Writes the compound RR + SDES + BYE sent when the leg closes (RFC 3550 §6.6). */
  int writeBye(byte[] out, long ssrc) {
    return Rtcp.writeBye(out, 0, ssrc, cname);
  }

  /** Takes a report from the peer: its SR time for our LSR, its block about our stream. */
  void onReport(Rtcp.Report report, long ourSsrc, long nowNanos) {
    if (report.senderInfo() != null) {
      lastSenderReport = Rtcp.middle32(report.senderInfo().ntpTimestamp());
      lastSenderReportArrival = nowNanos;
      haveSenderReport = true;
    }
    for (Rtcp.ReportBlock block : report.blocks()) {
      if (block.ssrc() == ourSsrc) {
        remoteFractionLost = block.fractionLost() / 256.0;
        remoteJitterMs = block.jitter() / 8.0;
      }
    }
  }

  double remoteFractionLost() {
    return remoteFractionLost;
  }

  double remoteJitterMs() {
    return remoteJitterMs;
  }

  private static long randomised(long interval) {
    return (long) (interval * (0.5 + ThreadLocalRandom.current().nextDouble()));
  }
}
