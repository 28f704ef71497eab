package org.tawag.agent;

import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * What the screen pop adds about a call beyond its customer: for a call a campaign placed, the
 * campaign's name and the script the operator reads.
 */
@FunctionalInterface
public interface CallBriefs {
  /** Adds nothing. */
  CallBriefs NONE = callId -> Optional.empty();

  /** The brief of {@code callId}, if any; called on the socket's context, must not block. */
  Optional<JsonObject> brief(String callId);
}
