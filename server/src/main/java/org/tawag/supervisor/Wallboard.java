package org.tawag.supervisor;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tawag.acd.AgentView;
import org.tawag.acd.QueueStats;
import org.tawag.agent.AgentProtocol;

/**
 * The {@code wallboard} message: the ACD's live counters, today's figures and the waiting history
 * as one JSON snapshot. Pure, so what supervisors see is tested without sockets.
 *
 * <pre>
 * {type: "wallboard", at,
 *  queues: [{name, waiting, longestWaitMs, answered, abandoned, serviceLevel|null, asaMs|null,
 *            ahtMs|null}],
 *  agents: [{agent, state, reason, inStateMs, currentCall|null, handledToday, escalated}],
 *  history: {everyMs, points: [{at, waiting: {queue: n}}]}}
 * </pre>
 */
public final class Wallboard {
  private Wallboard() {}

  /** The snapshot at {@code now}; {@code escalated} are the operators who asked for help. */
  public static JsonObject render(
      Instant now,
      List<QueueStats> live,
      List<TodayFigures.QueueToday> today,
      List<AgentView> agents,
      List<TodayFigures.AgentToday> agentsToday,
      Set<String> escalated,
      List<WaitingHistory.Sample> history) {
    Map<String, TodayFigures.QueueToday> byQueue =
        today.stream()
            .collect(java.util.stream.Collectors.toMap(TodayFigures.QueueToday::queue, t -> t));
    JsonArray queues = new JsonArray();
    for (QueueStats s : live) {
      TodayFigures.QueueToday t = byQueue.get(s.queue());
      queues.add(
          new JsonObject()
              .put("name", s.queue())
              .put("waiting", s.waiting())
              .put("longestWaitMs", s.longestWait().toMillis())
              .put("answered", t == null ? 0 : t.answered())
              .put("abandoned", t == null ? 0 : t.abandoned())
              .put("serviceLevel", t == null ? null : t.serviceLevel())
              .put("asaMs", t == null ? null : millis(t.averageSpeedOfAnswer()))
              .put("ahtMs", t == null ? null : millis(t.averageHandleTime())));
    }
    Map<String, TodayFigures.AgentToday> todayByAgent =
        agentsToday.stream()
            .collect(java.util.stream.Collectors.toMap(TodayFigures.AgentToday::agent, a -> a));
    JsonArray people = new JsonArray();
    for (AgentView a : agents) {
      TodayFigures.AgentToday t = todayByAgent.get(a.agentId());
      people.add(
          new JsonObject()
              .put("agent", a.agentId())
              .put("state", AgentProtocol.stateName(a.state()))
              .put("reason", a.reason())
              .put("inStateMs", Math.max(0, Duration.between(a.since(), now).toMillis()))
              .put("currentCall", t == null ? null : t.currentCall())
              .put("handledToday", t == null ? 0 : t.handled())
              .put("escalated", escalated.contains(a.agentId())));
    }
    JsonArray points = new JsonArray();
    for (WaitingHistory.Sample s : history) {
      points.add(
          new JsonObject()
              .put("at", s.at().toString())
              .put("waiting", new JsonObject(new java.util.TreeMap<String, Object>(s.waiting()))));
    }
    return new JsonObject()
        .put("type", "wallboard")
        .put("at", now.toString())
        .put("queues", queues)
        .put("agents", people)
        .put(
            "history",
            new JsonObject().put("everyMs", WaitingHistory.EVERY.toMillis()).put("points", points));
  }

  private static Long millis(Duration d) {
    return d == null ? null : d.toMillis();
  }
}
