package org.tawag.config;

import java.time.Duration;

/**
 * SIP listener settings.
 *
 * @param bindAddress the address the UDP and TCP listeners bind to
 * @param advertisedAddress the address written into Via, Contact and SDP (never 0.0.0.0)
 * @param udpPort the UDP port, 0 to disable UDP
 * @param tcpPort the TCP port, 0 to disable TCP
 * @param maxCalls calls allowed at once; one more gets 503 with Retry-After
 * @param retryAfter the Retry-After value sent with that 503
 * @param userAgent the Server and User-Agent header value
 * @param optionsPing how often each trunk peer is probed with OPTIONS; zero turns probing off
 */
public record SipSettings(
    String bindAddress,
    String advertisedAddress,
    int udpPort,
    int tcpPort,
    int maxCalls,
    Duration retryAfter,
    String userAgent,
    Duration optionsPing) {}
