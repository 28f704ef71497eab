package org.tawag.api;

import java.time.Instant;

/** Which calls a listing returns; every {@code null} part matches all. Arrival in [from, to). */
record CallFilter(
    Instant from, Instant to, String queue, String agent, String outcome, String direction) {}
