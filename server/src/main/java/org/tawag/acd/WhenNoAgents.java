package org.tawag.acd;

/** What a queue does with an arriving call when none of its members is logged in. */
public enum WhenNoAgents {
  /** Queue the call anyway (Asterisk {@code joinempty=yes}). */
  WAIT,
  /** Send the call to the queue's {@link Overflow} at once (Asterisk {@code joinempty=no}). */
  OVERFLOW
}
