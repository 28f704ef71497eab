package org.tawag.dialplan;

import java.util.Optional;

/** Maps a dialled number to a route, and route names to routes. */
public interface DialPlan {
  /** The route for a dialled number, or empty when nothing matches (the caller gets 404). */
  Optional<Route> resolve(String dialledNumber);

  /**
   * The route declared under {@code name}.
   *
   * @throws IllegalArgumentException when no target has that name (the loader checks every
   *     reference at start-up, so this means a programming error)
   */
  Route target(String name);
}
