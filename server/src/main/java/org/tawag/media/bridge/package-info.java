/**
 * Joining call legs' audio: the mixer between a caller, the agent and a supervisor. Runs on the
 * caller leg's event loop; no locks.
 */
package org.tawag.media.bridge;
