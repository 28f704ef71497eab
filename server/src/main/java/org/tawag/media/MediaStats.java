package org.tawag.media;

/**
 * A snapshot of one leg's stream statistics (RFC 3550 §6.4 and A.3/A.8).
 *
 * @param packetsSent RTP packets sent
 * @param packetsReceived RTP packets received and accepted
 * @param packetsLost cumulative packets lost as RFC 3550 A.3 counts them (may be negative)
 * @param jitterMs interarrival jitter (RFC 3550 A.8) in milliseconds
 * @param remoteFractionLost the fraction lost the peer last reported in RTCP, 0..1, or -1 if none
 * @param remoteJitterMs the jitter the peer last reported in RTCP, or -1 if none
 */
public record MediaStats(
    long packetsSent,
    long packetsReceived,
    long packetsLost,
    double jitterMs,
    double remoteFractionLost,
    double remoteJitterMs) {}
