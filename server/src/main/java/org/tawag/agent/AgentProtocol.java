package org.tawag.agent;

import java.util.Locale;
import org.tawag.acd.AgentState;

/** Constants of the agent WebSocket protocol; docs/agent-protocol.md is the full text. */
public final class AgentProtocol {
  /** The protocol version in {@code welcome}; bumped on any incompatible change. */
  public static final int VERSION = 1;

  /** The WebSocket path; the version is part of it so old clients fail loudly. */
  public static final String PATH = "/agent/v1";

  private AgentProtocol() {}

  /** A state's wire name: offline, available, offered, on_call, wrap_up, not_ready. */
  public static String stateName(AgentState state) {
    return state.name().toLowerCase(Locale.ROOT);
  }
}
