/**
 * The supervisor's live wallboard and actions over the {@code /supervisor/v1} WebSocket: per-queue
 * and per-operator figures pushed every second, operator state changes, and silent listening to a
 * live call.
 */
package org.tawag.supervisor;
