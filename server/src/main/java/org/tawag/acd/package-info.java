/**
 * Automatic call distribution: a pure, single-threaded engine that is fed call and agent events and
 * answers with commands through {@link org.tawag.acd.AcdListener}. Time comes only from an injected
 * {@link java.time.Clock} and {@link org.tawag.acd.Timers}, so every rule is tested by moving a
 * fake clock.
 */
package org.tawag.acd;
