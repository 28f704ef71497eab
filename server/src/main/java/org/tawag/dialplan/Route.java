package org.tawag.dialplan;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What the dial plan does with a call: one of the targets an admin can declare. */
public sealed interface Route {

  /** The target's name in the dial plan, used in logs and call records. */
  String name();

  /** Loops the caller's audio back, for testing a trunk. */
  record Echo(String name) implements Route {}

  /**
   * Plays a sound, then hangs up or goes on to another target.
   *
   * @param next the target to go on to, or empty to hang up
   */
  record Announcement(String name, String sound, Optional<String> next) implements Route {}

  /**
   * Plays a prompt and collects RFC 4733 digits to choose a branch.
   *
   * @param prompt the sound played on entry and on each repeat
   * @param choices digit string to target name
   * @param digitTimeout how long to wait for the first digit after the prompt ends
   * @param maxAttempts how many times the prompt plays before giving up
   * @param invalidSound the sound played after a digit with no branch, before the repeat
   * @param onFailure the target after the last attempt, or empty to hang up
   */
  record Ivr(
      String name,
      String prompt,
      Map<String, String> choices,
      Duration digitTimeout,
      int maxAttempts,
      Optional<String> invalidSound,
      Optional<String> onFailure)
      implements Route {
    public Ivr {
      choices = Map.copyOf(choices);
      Objects.requireNonNull(digitTimeout, "digitTimeout");
    }
  }

  /** Hands the call to an ACD queue (the ACD issue fills the queue itself). */
  record Queue(String name, String queue) implements Route {}

  /** Rejects the call with a configured SIP status code, before answering. */
  record Reject(String name, int code, String reason) implements Route {}
}
