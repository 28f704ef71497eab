package org.tawag.agent;

import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;

/**
 * Who is asking for the agent WebSocket: the agent id of a logged-in operator's session, checked
 * before the upgrade. Runs on the HTTP event loop; must not block.
 */
@FunctionalInterface
public interface AgentAuthenticator {
  /** The operator's agent id, or empty when the request has no valid operator session. */
  Optional<String> agentOf(HttpServerRequest request);
}
