package org.tawag.acd;

import java.util.ArrayList;
import java.util.List;

/**
 * One pass of {@link AcdEngine#checkInvariants()}: finds agent and call records that disagree and
 * puts them back into a state the engine can route from. Engine thread only.
 */
final class InvariantRepair {
  private final AcdEngine engine;
  private int repairs;

  InvariantRepair(AcdEngine engine) {
    this.engine = engine;
  }

  int run() {
    removeEndedCalls();
    for (Agent a : engine.agentRecords().values()) {
      switch (a.state) {
        case OFFERED -> checkOffered(a);
        case ON_CALL -> checkOnCall(a);
        default -> {}
      }
    }
    for (QueuedCall c : engine.callRecords().values()) {
      checkCall(c);
    }
    return repairs;
  }

  private void removeEndedCalls() {
    List<QueuedCall> ended = new ArrayList<>();
    for (QueuedCall c : engine.callRecords().values()) {
      if (c.ended) {
        ended.add(c);
      }
    }
    for (QueuedCall c : ended) {
      engine.callRecords().remove(c.id);
      c.cancelTimers();
      report("call " + c.id + " had ended but was still in queue " + c.queue + "; removed");
    }
  }

  private void checkOffered(Agent a) {
    String callId = a.offeredCall;
    if (callId == null) {
      engine.repairAgentToAvailable(a);
      report("agent " + a.id + " was OFFERED with no offer; now AVAILABLE");
      return;
    }
    QueuedCall c = engine.callRecords().get(callId);
    if (c == null || c.phase != QueuedCall.Phase.OFFERED || !c.offeredTo.contains(a.id)) {
      if (c != null) {
        c.offeredTo.remove(a.id);
      }
      engine.listener().cancelOffer(a.id, callId);
      engine.repairAgentToAvailable(a);
      report("offer of call " + callId + " to agent " + a.id + " had no live call; cancelled");
    }
  }

  private void checkOnCall(Agent a) {
    OutboundDial d = a.activeCall == null ? null : engine.dialRecords().get(a.activeCall);
    if (d != null && d.agentId.equals(a.id)) {
      return;
    }
    QueuedCall c = a.activeCall == null ? null : engine.callRecords().get(a.activeCall);
    if (c == null || c.phase != QueuedCall.Phase.CONNECTED || !a.id.equals(c.agent)) {
      engine.repairAgentToAvailable(a);
      report("agent " + a.id + " was ON_CALL with no call; now AVAILABLE");
    }
  }

  private void checkCall(QueuedCall c) {
    if (c.phase == QueuedCall.Phase.OFFERED) {
      c.offeredTo.removeIf(
          id -> {
            Agent a = engine.agentRecords().get(id);
            return a == null || a.state != AgentState.OFFERED || !c.id.equals(a.offeredCall);
          });
      if (c.offeredTo.isEmpty()) {
        engine.repairCallToWaiting(c);
        report("call " + c.id + " was ringing nobody; waiting again");
      }
    } else if (c.phase == QueuedCall.Phase.CONNECTED && c.agent != null) {
      Agent a = engine.agentRecords().get(c.agent);
      if (a == null || !c.id.equals(a.activeCall)) {
        c.agent = null;
        report("call " + c.id + " pointed to an agent not on it; detached");
      }
    }
  }

  private void report(String description) {
    repairs++;
    engine.listener().invariantRepaired(description);
  }
}
