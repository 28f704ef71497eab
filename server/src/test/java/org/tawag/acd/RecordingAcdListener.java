package org.tawag.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records what the engine said as short strings: commands ("offer a1 c1", "cancelOffer a1 c1",
 * "connect a1 c1", "announce c1 2 PT30S", "overflow c1 ToQueue[queue=b]", "rejectFull c1",
 * "abandoned c1 q PT10S", "answered c1 q a1 PT5S", "repaired ...") and, separately, agent states
 * ("a1 NOT_READY no answer").
 */
final class RecordingAcdListener implements AcdListener {
  private final List<String> commands = new ArrayList<>();
  private final List<String> states = new ArrayList<>();

  @Override
  public void offer(String agentId, String callId) {
    commands.add("offer " + agentId + " " + callId);
  }

  @Override
  public void cancelOffer(String agentId, String callId) {
    commands.add("cancelOffer " + agentId + " " + callId);
  }

  @Override
  public void connect(String agentId, String callId) {
    commands.add("connect " + agentId + " " + callId);
  }

  @Override
  public void announce(String callId, int position, Optional<Duration> estimatedWait) {
    commands.add(
        "announce "
            + callId
            + " "
            + position
            + " "
            + estimatedWait.map(Duration::toString).orElse("none"));
  }

  @Override
  public void overflow(String callId, Overflow target) {
    commands.add("overflow " + callId + " " + target);
  }

  @Override
  public void rejectFull(String callId) {
    commands.add("rejectFull " + callId);
  }

  @Override
  public void abandoned(String callId, String queue, Duration waited) {
    commands.add("abandoned " + callId + " " + queue + " " + waited);
  }

  @Override
  public void answered(String callId, String queue, String agentId, Duration waited) {
    commands.add("answered " + callId + " " + queue + " " + agentId + " " + waited);
  }

  @Override
  public void agentStateChanged(String agentId, AgentState state, String reason, Instant at) {
    states.add(agentId + " " + state + " " + reason);
  }

  @Override
  public void invariantRepaired(String description) {
    commands.add("repaired " + description);
  }

  /** Commands since the last call, then forgets them. */
  List<String> take() {
    List<String> out = List.copyOf(commands);
    commands.clear();
    return out;
  }

  /** Agent state changes since the last call, then forgets them. */
  List<String> takeStates() {
    List<String> out = List.copyOf(states);
    states.clear();
    return out;
  }
}
