package org.tawag.acd;

import java.time.Duration;

/**
 * A queue's counters since the engine started, for wallboards and metrics. Waits are measured from
 * the call's arrival in the ACD (a call moved by overflow keeps its arrival time).
 *
 * @param queue queue name
 * @param waiting calls in the queue now, waiting or ringing an agent
 * @param longestWait wait of the oldest of those (zero when none)
 * @param entered calls that entered (arrived, or moved in by overflow)
 * @param answered calls answered by an agent of this queue
 * @param abandoned callers who hung up while in this queue
 * @param overflowed calls that left this queue by overflow
 * @param rejected calls turned away because the queue was at its max length
 * @param answeredWithinServiceLevel answered calls whose wait was at most the service level
 * @param averageSpeedOfAnswer ASA = sum of waits of answered calls / answered (zero when none)
 */
public record QueueStats(
    String queue,
    int waiting,
    Duration longestWait,
    long entered,
    long answered,
    long abandoned,
    long overflowed,
    long rejected,
    long answeredWithinServiceLevel,
    Duration averageSpeedOfAnswer) {}
