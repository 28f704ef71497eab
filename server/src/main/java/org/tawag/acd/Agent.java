package org.tawag.acd;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The engine's mutable record of one agent. Runs on the engine's thread only. */
final class Agent {
  final String id;

  /** Queue name to skill level, in config order. */
  final Map<String, Integer> levels = new LinkedHashMap<>();

  AgentState state = AgentState.OFFLINE;
  String reason = "logged out";
  Instant since;

  /** When the agent last became AVAILABLE after work; kept across a penalty-free cancel. */
  Instant idleSince;

  long callsHandled;

  /** The call this agent is being offered, when OFFERED. */
  String offeredCall;

  /** The call this agent is talking to, when ON_CALL. */
  String activeCall;

  /** A not-ready reason asked for during a call, applied when the call and wrap-up end. */
  String pendingNotReady;

  Timers.Timer wrapUpTimer;

  /** Bumped whenever wrap-up starts or ends, so a stale wrap-up timer does nothing. */
  int wrapRound;

  Agent(String id, Instant now) {
    this.id = id;
    this.since = now;
    this.idleSince = now;
  }

  AgentView view() {
    return new AgentView(id, state, reason, since, callsHandled);
  }
}
