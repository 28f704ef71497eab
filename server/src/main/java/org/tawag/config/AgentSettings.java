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
 * @param dialTrunk the trunk for operators' own calls; empty for {@code transferTrunk}
 * @param dialCallerId the caller id (From user) of operators' own calls; empty for the trunk's
 */
public record AgentSettings(
    Duration reconnectWindow,
    Duration heartbeat,
    List<String> allowedOrigins,
    Duration phoneNoAnswerRetry,
    Optional<String> transferTrunk,
    Optional<String> dialTrunk,
    Optional<String> dialCallerId) {
  public AgentSettings {
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  /** The trunk operators dial out through: {@code dial-trunk}, else {@code transfer-trunk}. */
  public Optional<String> outgoingTrunk() {
    return dialTrunk.or(() -> transferTrunk);
  }
}
