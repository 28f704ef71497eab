package org.tawag.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tawag.acd.AgentState;
import org.tawag.agent.DialPurpose;

/** Several {@link QueueObserver}s as one, called in order. */
public final class QueueObservers implements QueueObserver {
  private final List<QueueObserver> all;

  private QueueObservers(List<QueueObserver> all) {
    this.all = all;
  }

  /** All of {@code observers}, in order. */
  public static QueueObserver of(QueueObserver... observers) {
    return new QueueObservers(List.of(observers));
  }

  @Override
  public void entered(String callId, String queue, Instant at) {
    all.forEach(o -> o.entered(callId, queue, at));
  }

  @Override
  public void offered(String callId, String agent, Instant at) {
    all.forEach(o -> o.offered(callId, agent, at));
  }

  @Override
  public void notAnswered(String callId, String agent, Instant at) {
    all.forEach(o -> o.notAnswered(callId, agent, at));
  }

  @Override
  public void answered(String callId, String queue, String agent, Duration waited, Instant at) {
    all.forEach(o -> o.answered(callId, queue, agent, waited, at));
  }

  @Override
  public void abandoned(String callId, String queue, Duration waited, Instant at) {
    all.forEach(o -> o.abandoned(callId, queue, waited, at));
  }

  @Override
  public void overflowed(String callId, String target, Instant at) {
    all.forEach(o -> o.overflowed(callId, target, at));
  }

  @Override
  public void callbackRequested(String callId, String queue, Instant at) {
    all.forEach(o -> o.callbackRequested(callId, queue, at));
  }

  @Override
  public void leftQueue(String callId, Instant at) {
    all.forEach(o -> o.leftQueue(callId, at));
  }

  @Override
  public void transferred(String callId, String agent, String target, Instant at) {
    all.forEach(o -> o.transferred(callId, agent, target, at));
  }

  @Override
  public void hold(String callId, boolean held, Instant at) {
    all.forEach(o -> o.hold(callId, held, at));
  }

  @Override
  public void agentHungUp(String callId, Instant at) {
    all.forEach(o -> o.agentHungUp(callId, at));
  }

  @Override
  public void wrappedUp(
      String callId, String agent, String disposition, String orderId, Instant at) {
    all.forEach(o -> o.wrappedUp(callId, agent, disposition, orderId, at));
  }

  @Override
  public void dialStarted(
      String callId,
      String agent,
      String trunk,
      String number,
      Optional<DialPurpose> purpose,
      Instant at) {
    all.forEach(o -> o.dialStarted(callId, agent, trunk, number, purpose, at));
  }

  @Override
  public void dialAnswered(String callId, String agent, Instant at) {
    all.forEach(o -> o.dialAnswered(callId, agent, at));
  }

  @Override
  public void dialFailed(String callId, String cause, Instant at) {
    all.forEach(o -> o.dialFailed(callId, cause, at));
  }

  @Override
  public void agentState(String agent, AgentState state, String reason, Instant at) {
    all.forEach(o -> o.agentState(agent, state, reason, at));
  }
}
