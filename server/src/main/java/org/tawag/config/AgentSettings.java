package org.tawag.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Operators' devices.
 *
 * @param reconnectWindow how long a connected call waits for its operator's socket to come back
 * @param heartbeat interval between WebSocket pings
 * @param allowedOrigins origins allowed to open the agent WebSocket besides the server's own
 * @param phoneNoAnswerRetry how long a SIP-phone operator stays not ready after a missed offer
 * @param transferTrunk the trunk for blind transfers to outside numbers; empty for the call's own
 */
public record AgentSettings(
    Duration reconnectWindow,
    Duration heartbeat,
    List<String> allowedOrigins,
    Duration phoneNoAnswerRetry,
    Optional<String> transferTrunk) {
  public AgentSettings {
    allowedOrigins = List.copyOf(allowedOrigins);
  }
}
