package org.tawag.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.tawag.testing.FakeClock;

/** An engine wired to a fake clock, fake timers and a recording listener. */
final class AcdFixture {
  static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

  final FakeClock clock = new FakeClock(T0);
  final FakeTimers timers = new FakeTimers(clock);
  final RecordingAcdListener out = new RecordingAcdListener();
  final AcdEngine acd;

  AcdFixture(List<QueueSpec> queues, List<Member> members) {
    acd = new AcdEngine(new AcdConfig(queues, members), clock, timers, out);
  }

  /** One queue {@code q} with {@code strategy} and the agents as level-1 members. */
  static AcdFixture oneQueue(QueueSpec spec, String... agentIds) {
    return new AcdFixture(
        List.of(spec),
        java.util.Arrays.stream(agentIds).map(id -> Member.of(id, spec.name())).toList());
  }

  /** Logs in and readies each agent, one second apart (so the first is idle longest). */
  void ready(String... agentIds) {
    for (String id : agentIds) {
      acd.agentLoggedIn(id);
      acd.agentReady(id);
      advance(Duration.ofSeconds(1));
    }
  }

  void advance(Duration d) {
    timers.advance(d);
  }

  void seconds(long s) {
    advance(Duration.ofSeconds(s));
  }

  /** Commands since the last take. */
  List<String> take() {
    return out.take();
  }

  AgentState state(String agentId) {
    return acd.agent(agentId).state();
  }
}
