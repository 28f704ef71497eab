package org.tawag.config;

import java.time.Duration;

/**
 * RTP/RTCP settings.
 *
 * @param bindAddress the address RTP sockets bind to
 * @param advertisedAddress the address written into SDP {@code c=} lines
 * @param portMin the lowest port of the range (even)
 * @param portMax the highest port of the range; capacity is (portMax - portMin + 1) / 2 legs
 * @param portQuarantine how long a released pair stays unused, so late packets of an old call never
 *     reach a new one
 * @param mediaTimeout a call whose RTP stops for this long is ended; zero disables
 * @param jitterBuffer the receive jitter buffer's target depth
 */
public record RtpSettings(
    String bindAddress,
    String advertisedAddress,
    int portMin,
    int portMax,
    Duration portQuarantine,
    Duration mediaTimeout,
    Duration jitterBuffer) {}
