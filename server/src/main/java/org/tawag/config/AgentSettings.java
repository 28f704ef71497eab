package org.tawag.config;

import java.time.Duration;
import java.util.List;

/**
 * Operators' devices.
 *
 * @param reconnectWindow how long a connected call waits for its operator's socket to come back
 * @param heartbeat interval between WebSocket pings
 * @param allowedOrigins origins allowed to open the agent WebSocket besides the server's own
 * @param phoneNoAnswerRetry how long a SIP-phone operator stays not ready after a missed offer
 */
public record AgentSettings(
    Duration reconnectWindow,
    Duration heartbeat,
    List<String> allowedOrigins,
    Duration phoneNoAnswerRetry) {
  public AgentSettings {
    allowedOrigins = List.copyOf(allowedOrigins);
  }
}
