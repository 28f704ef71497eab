package org.tawag.acd;

/** How a queue picks among its free members when a call needs an agent. */
public enum Strategy {
  /** The member AVAILABLE for the longest time (FreeSWITCH's default, Asterisk leastrecent). */
  LONGEST_IDLE,
  /** A pointer rotating over the member list in config order (Asterisk rrmemory). */
  ROUND_ROBIN,
  /** The member with the fewest answered calls since login; ties by longest idle. */
  FEWEST_CALLS,
  /** Every free member at once; the first to accept wins (Asterisk ringall). */
  RING_ALL,
  /** The member with the highest {@link Member#level()} for the queue; ties by longest idle. */
  SKILLS
}
