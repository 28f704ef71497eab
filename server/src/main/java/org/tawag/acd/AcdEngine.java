package org.tawag.acd;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Automatic call distribution: matches waiting calls with free agents across all queues.
 *
 * <p>Single-threaded and pure: every method, and every {@link Timers} task, must run on one serial
 * context; time comes only from the injected {@link Clock}. Events come in as method calls and
 * commands go out through the {@link AcdListener}.
 *
 * <p>Routing: after every event the engine walks the waiting calls of all queues in one order
 * (higher caller priority first, then earlier arrival; a call moved by overflow keeps its arrival)
 * and offers each to its queue's free members as its {@link Strategy} picks. Because no call is
 * ever left waiting while one of its queue's members is free, an agent who becomes free gets the
 * best call among all the queues they belong to, and an arriving call gets its strategy's pick.
 *
 * <p>No answer: when an offer times out or is rejected, the agent goes NOT_READY "no answer" and
 * the call is offered to the next free agent. With RING_ALL every agent that was still ringing at
 * the timeout is penalised the same way (consistent with single offers, and it stops a team that is
 * away from being rung for ever); agents cancelled because a colleague answered first go back to
 * AVAILABLE keeping their idle time. An agent who becomes free while a RING_ALL call is ringing is
 * not added to that ring.
 *
 * <p>Announcements: every {@link QueueSpec#announceEvery()} while a call waits (not while it
 * rings), with its 1-based position among the waiting calls of its queue in routing order and an
 * estimated wait equal to the average wait of the queue's last {@value QueueState#EWT_SAMPLES}
 * answered calls (empty before the first answer). Waits are measured from arrival in the ACD.
 *
 * <p>Overflow: on max wait (started when the call enters a queue) or, for {@link
 * WhenNoAgents#OVERFLOW}, at once when no member is logged in. A ringing call's offers are
 * cancelled without penalty first. A ToQueue into a full queue ends in {@code rejectFull}; a chain
 * of immediate overflows longer than the number of queues ends in a hang-up.
 *
 * <p>Dial-out: an agent may place a call ({@link #dialOut}) from AVAILABLE or NOT_READY. The agent
 * is ON_CALL "dialling" at once, so no offer races the dial; the call joins no queue and counts in
 * no queue's statistics. On answer the agent is ON_CALL "on call"; on failure they return to the
 * state they had (or to a pause asked for meanwhile); an answered call ends in the named queue's
 * wrap-up, then in the state the agent had before the dial.
 *
 * <p>Late or unknown events (unknown ids, an accept for an offer that is gone) are ignored and
 * counted in {@link #ignoredEvents()}, never thrown.
 */
public final class AcdEngine {
  private static final Logger log = LoggerFactory.getLogger(AcdEngine.class);

  private final Clock clock;
  private final Timers timers;
  private final AcdListener listener;
  private final Map<String, QueueState> queues = new LinkedHashMap<>();
  private final Map<String, Agent> agents = new LinkedHashMap<>();
  private final Map<String, QueuedCall> calls = new LinkedHashMap<>();
  private final Map<String, OutboundDial> dials = new LinkedHashMap<>();
  private long nextSeq;
  private long ignoredEvents;
  private long invariantRepairs;

  /** Builds the engine; every configured agent starts OFFLINE. */
  public AcdEngine(AcdConfig config, Clock clock, Timers timers, AcdListener listener) {
    if (config == null || clock == null || timers == null || listener == null) {
      throw new IllegalArgumentException("config, clock, timers and listener are required");
    }
    this.clock = clock;
    this.timers = timers;
    this.listener = listener;
    for (QueueSpec q : config.queues()) {
      queues.put(q.name(), new QueueState(q));
    }
    Instant now = clock.instant();
    for (Member m : config.members()) {
      Agent a = agents.computeIfAbsent(m.agentId(), id -> new Agent(id, now));
      a.levels.put(m.queue(), m.level());
      queues.get(m.queue()).members.add(m.agentId());
    }
  }

  /**
   * How long a call transferred to a named operator waits for that operator alone before any member
   * of its queue may take it.
   */
  public static final Duration PERSONAL_WAIT = Duration.ofSeconds(30);

  // ---- events in: calls ----

  /**
   * A call asks for an agent of {@code queue}. Returns false (and counts an ignored event) when the
   * queue is unknown or the call is already in the ACD; otherwise the call is queued, offered,
   * overflowed or rejected.
   */
  public boolean callArrived(String callId, String queue, int priority) {
    QueueState q = queues.get(queue);
    if (callId == null || q == null || calls.containsKey(callId) || dials.containsKey(callId)) {
      return ignore("callArrived", callId + " for queue " + queue);
    }
    enter(new QueuedCall(callId, queue, priority, clock.instant(), nextSeq++), q, 0);
    route();
    return true;
  }

  /**
   * A call transferred to {@code agentId} in particular: it waits in {@code queue} (where it is
   * counted) but is offered only to that agent, as soon as they are free. If they do not answer the
   * offer, or are not free within {@link #PERSONAL_WAIT}, it becomes an ordinary call of the queue,
   * keeping its place. False (an ignored event) for an unknown queue or agent, or a call already in
   * the ACD.
   */
  public boolean callArrivedFor(String callId, String queue, String agentId) {
    QueueState q = queues.get(queue);
    if (callId == null
        || q == null
        || !agents.containsKey(agentId)
        || calls.containsKey(callId)
        || dials.containsKey(callId)) {
      return ignore("callArrivedFor", callId + " for agent " + agentId + " in queue " + queue);
    }
    QueuedCall c = new QueuedCall(callId, queue, 0, clock.instant(), nextSeq++);
    c.forAgent = agentId;
    enter(c, q, 0);
    if (calls.get(callId) == c) {
      c.pinTimer = timers.schedule(PERSONAL_WAIT, () -> unpin(c));
    }
    route();
    return true;
  }

  /** The call may go to any member of its queue from now on. */
  private void unpin(QueuedCall c) {
    if (calls.get(c.id) != c || c.forAgent == null) {
      return;
    }
    c.forAgent = null;
    c.pinTimer = QueuedCall.cancel(c.pinTimer);
    if (c.phase == QueuedCall.Phase.WAITING) {
      route();
    }
  }

  /**
   * The caller hung up or the call finished. Waiting or ringing: abandoned (offers cancelled, the
   * agents back to AVAILABLE). Connected: the agent goes to WRAP_UP for the queue's wrap-up time.
   */
  public void callEnded(String callId) {
    OutboundDial d = callId == null ? null : dials.get(callId);
    if (d != null) {
      endDial(d);
      return;
    }
    QueuedCall c = callId == null ? null : calls.remove(callId);
    if (c == null) {
      ignore("callEnded", callId);
      return;
    }
    c.cancelTimers();
    QueueState q = queues.get(c.queue);
    if (c.phase == QueuedCall.Phase.CONNECTED) {
      Agent a = c.agent == null ? null : agents.get(c.agent);
      if (a != null && c.id.equals(a.activeCall)) {
        a.activeCall = null;
        startWrapUp(a, q.spec.wrapUp());
      }
    } else {
      releaseOffers(c);
      q.abandoned++;
      listener.abandoned(c.id, c.queue, waited(c));
    }
    route();
  }

  // ---- events in: agents ----

  /** The agent logged in: NOT_READY "logged in" until {@link #agentReady}. */
  public void agentLoggedIn(String agentId) {
    Agent a = known("agentLoggedIn", agentId);
    if (a == null || a.state != AgentState.OFFLINE) {
      if (a != null) {
        ignore("agentLoggedIn", agentId + " already logged in");
      }
      return;
    }
    a.callsHandled = 0;
    a.pendingNotReady = null;
    setState(a, AgentState.NOT_READY, "logged in");
  }

  /** The agent is ready: NOT_READY becomes AVAILABLE; during a call, cancels a pending pause. */
  public void agentReady(String agentId) {
    Agent a = known("agentReady", agentId);
    if (a == null) {
      return;
    }
    switch (a.state) {
      case NOT_READY -> {
        makeAvailable(a);
        route();
      }
      case ON_CALL, WRAP_UP -> a.pendingNotReady = null;
      default -> ignore("agentReady", agentId + " in " + a.state);
    }
  }

  /**
   * The agent takes a pause. A ringing offer is cancelled and its call re-routed first; during a
   * call the pause starts when the call and its wrap-up end.
   */
  public void agentNotReady(String agentId, String reason) {
    Agent a = known("agentNotReady", agentId);
    if (a == null) {
      return;
    }
    String why = reason == null || reason.isBlank() ? "not ready" : reason;
    switch (a.state) {
      case OFFLINE -> ignore("agentNotReady", agentId + " is offline");
      case ON_CALL -> a.pendingNotReady = why;
      case OFFERED -> {
        withdrawOffer(a, true);
        setState(a, AgentState.NOT_READY, why);
        route();
      }
      default -> {
        endWrapUpTimer(a);
        setState(a, AgentState.NOT_READY, why);
      }
    }
  }

  /**
   * The agent logged out. A ringing offer is cancelled and re-routed; a connected call stays
   * bridged (it is the media layer's) but the agent gets no wrap-up after it.
   */
  public void agentLoggedOut(String agentId) {
    Agent a = known("agentLoggedOut", agentId);
    if (a == null) {
      return;
    }
    switch (a.state) {
      case OFFLINE -> {
        ignore("agentLoggedOut", agentId + " is offline");
        return;
      }
      case OFFERED -> withdrawOffer(a, true);
      case ON_CALL -> {
        QueuedCall c = calls.get(a.activeCall);
        if (c != null) {
          c.agent = null;
        }
        a.activeCall = null;
      }
      default -> endWrapUpTimer(a);
    }
    a.pendingNotReady = null;
    setState(a, AgentState.OFFLINE, "logged out");
    route();
  }

  /** The agent answered: ON_CALL, {@code connect} and {@code answered}; other rings cancelled. */
  public void offerAccepted(String agentId, String callId) {
    Agent a = known("offerAccepted", agentId);
    QueuedCall c = liveOffer(a, callId, "offerAccepted");
    if (c == null) {
      return;
    }
    endOfferRound(c);
    for (String otherId : List.copyOf(c.offeredTo)) {
      if (!otherId.equals(a.id)) {
        Agent other = agents.get(otherId);
        detach(c, other, true);
        setState(other, AgentState.AVAILABLE, "ready");
      }
    }
    c.offeredTo.clear();
    a.offeredCall = null;
    c.cancelTimers();
    c.phase = QueuedCall.Phase.CONNECTED;
    c.agent = a.id;
    a.activeCall = c.id;
    a.callsHandled++;
    setState(a, AgentState.ON_CALL, "on call");
    Duration waited = waited(c);
    queues.get(c.queue).recordAnswer(waited);
    listener.connect(a.id, c.id);
    listener.answered(c.id, c.queue, a.id, waited);
    route();
  }

  /**
   * A connected call lost its agent for good (the agent's device went away and did not come back in
   * time): the call waits again at the head of its queue, ahead of every call of its priority, and
   * the agent, if still linked, is logged out.
   */
  public void returnToQueue(String callId) {
    QueuedCall c = callId == null ? null : calls.get(callId);
    if (c == null || c.phase != QueuedCall.Phase.CONNECTED) {
      ignore("returnToQueue", callId);
      return;
    }
    Agent a = c.agent == null ? null : agents.get(c.agent);
    if (a != null && c.id.equals(a.activeCall)) {
      a.activeCall = null;
      a.pendingNotReady = null;
      setState(a, AgentState.OFFLINE, "lost");
    }
    c.agent = null;
    c.returned = true;
    backToWaiting(c);
    route();
  }

  /** The agent declined: like no answer, NOT_READY "no answer" and the call goes on. */
  public void offerRejected(String agentId, String callId) {
    Agent a = known("offerRejected", agentId);
    if (liveOffer(a, callId, "offerRejected") == null) {
      return;
    }
    withdrawOffer(a, false);
    setState(a, AgentState.NOT_READY, "no answer");
    route();
  }

  /** The agent ends wrap-up early. */
  public void wrapUpDone(String agentId) {
    Agent a = known("wrapUpDone", agentId);
    if (a == null) {
      return;
    }
    if (a.state != AgentState.WRAP_UP) {
      ignore("wrapUpDone", agentId + " in " + a.state);
      return;
    }
    finishWork(a);
    route();
  }

  // ---- events in: calls agents place ----

  /**
   * {@code agentId} places call {@code callId}; {@code queue} names the wrap-up that follows it
   * when answered. Allowed from AVAILABLE or NOT_READY: the agent is ON_CALL "dialling" at once. An
   * agent who was NOT_READY returns to that pause after the call, unless they become ready
   * meanwhile. Returns false (an ignored event) for an unknown agent or queue, an agent in any
   * other state, or a call id already in the engine.
   */
  public boolean dialOut(String agentId, String callId, String queue) {
    Agent a = known("dialOut", agentId);
    if (a == null) {
      return false;
    }
    if (callId == null
        || !queues.containsKey(queue)
        || calls.containsKey(callId)
        || dials.containsKey(callId)) {
      return ignore("dialOut", agentId + " call " + callId + " queue " + queue);
    }
    switch (a.state) {
      case AVAILABLE -> a.pendingNotReady = null;
      case NOT_READY -> a.pendingNotReady = a.reason;
      default -> {
        return ignore("dialOut", agentId + " in " + a.state);
      }
    }
    dials.put(callId, new OutboundDial(callId, agentId, queue));
    a.activeCall = callId;
    setState(a, AgentState.ON_CALL, "dialling");
    return true;
  }

  /**
   * The far end of {@code callId} answered: its agent is ON_CALL "on call". Returns false when
   * nobody waits for the call any more (unknown, already answered, or its agent logged out): the
   * caller should hang it up.
   */
  public boolean dialAnswered(String callId) {
    OutboundDial d = callId == null ? null : dials.get(callId);
    Agent a = d == null ? null : agents.get(d.agentId);
    if (d == null || d.answered || a == null || !callId.equals(a.activeCall)) {
      return ignore("dialAnswered", callId);
    }
    d.answered = true;
    a.callsHandled++;
    setState(a, AgentState.ON_CALL, "on call");
    return true;
  }

  /** The call {@code callId} was not answered: its agent returns to the state they had. */
  public void dialFailed(String callId) {
    OutboundDial d = callId == null ? null : dials.get(callId);
    if (d == null || d.answered) {
      ignore("dialFailed", callId);
      return;
    }
    endDial(d);
  }

  private void endDial(OutboundDial d) {
    dials.remove(d.callId);
    Agent a = agents.get(d.agentId);
    if (a == null || !d.callId.equals(a.activeCall)) {
      return; // The agent logged out meanwhile.
    }
    a.activeCall = null;
    if (d.answered) {
      startWrapUp(a, queues.get(d.queue).spec.wrapUp());
    } else if (a.pendingNotReady == null) {
      // Back to where the agent was, keeping their idle time: the dial did not happen.
      setState(a, AgentState.AVAILABLE, "ready");
    } else {
      finishWork(a);
    }
    route();
  }

  // ---- queries ----

  /** The counters of {@code queue}; IllegalArgumentException when it is not configured. */
  public QueueStats stats(String queue) {
    QueueState q = queues.get(queue);
    if (q == null) {
      throw new IllegalArgumentException("unknown queue: " + queue);
    }
    int waiting = 0;
    Duration longest = Duration.ZERO;
    for (QueuedCall c : calls.values()) {
      if (c.queue.equals(queue) && c.phase != QueuedCall.Phase.CONNECTED) {
        waiting++;
        Duration w = waited(c);
        longest = w.compareTo(longest) > 0 ? w : longest;
      }
    }
    return new QueueStats(
        queue,
        waiting,
        longest,
        q.entered,
        q.answered,
        q.abandoned,
        q.overflowed,
        q.rejected,
        q.withinServiceLevel,
        q.averageSpeedOfAnswer());
  }

  /**
   * Members of {@code queue} free to take a call now (AVAILABLE); a dialer places calls for them.
   * IllegalArgumentException when the queue is not configured.
   */
  public int freeAgents(String queue) {
    QueueState q = queues.get(queue);
    if (q == null) {
      throw new IllegalArgumentException("unknown queue: " + queue);
    }
    int free = 0;
    for (String id : q.members) {
      if (agents.get(id).state == AgentState.AVAILABLE) {
        free++;
      }
    }
    return free;
  }

  /** What a wallboard shows for {@code agentId}; IllegalArgumentException when not configured. */
  public AgentView agent(String agentId) {
    Agent a = agents.get(agentId);
    if (a == null) {
      throw new IllegalArgumentException("unknown agent: " + agentId);
    }
    return a.view();
  }

  /** Events ignored because their ids were unknown or they came too late. */
  public long ignoredEvents() {
    return ignoredEvents;
  }

  /** Broken states found and repaired by {@link #checkInvariants()} so far. */
  public long invariantRepairs() {
    return invariantRepairs;
  }

  /**
   * Finds and repairs states that should never happen, reporting each through {@code
   * invariantRepaired}; then routes, in case a call was left waiting beside a free agent. Meant to
   * run periodically. Returns how many repairs this run made.
   */
  public int checkInvariants() {
    int repairs = new InvariantRepair(this).run();
    invariantRepairs += repairs;
    route();
    return repairs;
  }

  // ---- package-private: for InvariantRepair and tests that force broken states ----

  Map<String, Agent> agentRecords() {
    return agents;
  }

  Map<String, QueuedCall> callRecords() {
    return calls;
  }

  Map<String, OutboundDial> dialRecords() {
    return dials;
  }

  AcdListener listener() {
    return listener;
  }

  void repairAgentToAvailable(Agent a) {
    a.offeredCall = null;
    a.activeCall = null;
    finishWork(a);
  }

  void repairCallToWaiting(QueuedCall c) {
    backToWaiting(c);
  }

  // ---- routing ----

  private void route() {
    List<QueuedCall> waiting = new ArrayList<>();
    for (QueuedCall c : calls.values()) {
      if (c.phase == QueuedCall.Phase.WAITING && !c.ended) {
        waiting.add(c);
      }
    }
    waiting.sort(QueuedCall.ROUTING_ORDER);
    for (QueuedCall c : waiting) {
      List<Agent> picked =
          c.forAgent != null
              ? AgentPicker.ifFree(agents.get(c.forAgent))
              : AgentPicker.pick(queues.get(c.queue), agents);
      if (!picked.isEmpty()) {
        offer(c, picked);
      }
    }
  }

  private void offer(QueuedCall c, List<Agent> picked) {
    c.phase = QueuedCall.Phase.OFFERED;
    c.announceTimer = QueuedCall.cancel(c.announceTimer);
    int round = ++c.offerRound;
    for (Agent a : picked) {
      a.offeredCall = c.id;
      c.offeredTo.add(a.id);
      setState(a, AgentState.OFFERED, "offered");
      listener.offer(a.id, c.id);
    }
    Duration timeout = queues.get(c.queue).spec.offerTimeout();
    c.offerTimer = timers.schedule(timeout, () -> onOfferTimeout(c, round));
  }

  private void onOfferTimeout(QueuedCall c, int round) {
    if (calls.get(c.id) != c || c.phase != QueuedCall.Phase.OFFERED || c.offerRound != round) {
      return;
    }
    c.offerTimer = null;
    for (String agentId : List.copyOf(c.offeredTo)) {
      Agent a = agents.get(agentId);
      detach(c, a, true);
      setState(a, AgentState.NOT_READY, "no answer");
    }
    backToWaiting(c);
    route();
  }

  /** Takes back {@code a}'s offer; the call waits again when nobody else rings with it. */
  private void withdrawOffer(Agent a, boolean notify) {
    QueuedCall c = calls.get(a.offeredCall);
    if (c == null) {
      a.offeredCall = null;
      return;
    }
    detach(c, a, notify);
    if (c.offeredTo.isEmpty()) {
      backToWaiting(c);
    }
  }

  private void detach(QueuedCall c, Agent a, boolean notify) {
    c.offeredTo.remove(a.id);
    a.offeredCall = null;
    if (notify) {
      listener.cancelOffer(a.id, c.id);
    }
  }

  /** Cancels every ring of {@code c} without penalty: the agents keep their idle time. */
  private void releaseOffers(QueuedCall c) {
    for (String agentId : List.copyOf(c.offeredTo)) {
      Agent a = agents.get(agentId);
      detach(c, a, true);
      setState(a, AgentState.AVAILABLE, "ready");
    }
    endOfferRound(c);
  }

  private void endOfferRound(QueuedCall c) {
    c.offerTimer = QueuedCall.cancel(c.offerTimer);
    c.offerRound++;
  }

  private void backToWaiting(QueuedCall c) {
    // The named operator did not take it: anyone of the queue may now.
    c.forAgent = null;
    c.pinTimer = QueuedCall.cancel(c.pinTimer);
    endOfferRound(c);
    c.offeredTo.clear();
    c.phase = QueuedCall.Phase.WAITING;
    scheduleAnnounce(c);
  }

  // ---- queue entry, overflow, announcements ----

  private void enter(QueuedCall c, QueueState q, int hops) {
    int max = q.spec.maxLength();
    if (max > 0 && inQueue(q.spec.name()) >= max) {
      q.rejected++;
      calls.remove(c.id);
      listener.rejectFull(c.id);
      return;
    }
    c.queue = q.spec.name();
    calls.put(c.id, c);
    q.entered++;
    if (q.spec.whenNoAgents() == WhenNoAgents.OVERFLOW && nobodyLoggedIn(q)) {
      overflow(c, hops);
      return;
    }
    if (!q.spec.maxWait().isZero()) {
      c.maxWaitTimer = timers.schedule(q.spec.maxWait(), () -> onMaxWait(c));
    }
    scheduleAnnounce(c);
  }

  private void onMaxWait(QueuedCall c) {
    if (calls.get(c.id) != c || c.phase == QueuedCall.Phase.CONNECTED) {
      return;
    }
    c.maxWaitTimer = null;
    overflow(c, 0);
    route();
  }

  private void overflow(QueuedCall c, int hops) {
    c.forAgent = null;
    c.pinTimer = QueuedCall.cancel(c.pinTimer);
    QueueState from = queues.get(c.queue);
    from.overflowed++;
    releaseOffers(c);
    c.cancelTimers();
    c.offeredTo.clear();
    c.phase = QueuedCall.Phase.WAITING;
    calls.remove(c.id);
    Overflow target = from.spec.overflow();
    if (target instanceof Overflow.ToQueue && hops >= queues.size()) {
      log.warn("queue {}: overflow loop for call {}, hanging up", from.spec.name(), c.id);
      target = new Overflow.HangUp();
    }
    listener.overflow(c.id, target);
    if (target instanceof Overflow.ToQueue to) {
      enter(c, queues.get(to.queue()), hops + 1);
    }
  }

  private void scheduleAnnounce(QueuedCall c) {
    c.announceTimer = QueuedCall.cancel(c.announceTimer);
    Duration every = queues.get(c.queue).spec.announceEvery();
    if (!every.isZero()) {
      c.announceTimer = timers.schedule(every, () -> onAnnounce(c));
    }
  }

  private void onAnnounce(QueuedCall c) {
    if (calls.get(c.id) != c || c.phase != QueuedCall.Phase.WAITING) {
      return;
    }
    c.announceTimer = null;
    QueueState q = queues.get(c.queue);
    listener.announce(c.id, position(c), q.estimatedWait());
    scheduleAnnounce(c);
  }

  private int position(QueuedCall c) {
    int ahead = 0;
    for (QueuedCall o : calls.values()) {
      if (o != c
          && o.queue.equals(c.queue)
          && o.phase == QueuedCall.Phase.WAITING
          && QueuedCall.ROUTING_ORDER.compare(o, c) < 0) {
        ahead++;
      }
    }
    return ahead + 1;
  }

  private int inQueue(String queue) {
    int n = 0;
    for (QueuedCall c : calls.values()) {
      if (c.queue.equals(queue) && c.phase != QueuedCall.Phase.CONNECTED) {
        n++;
      }
    }
    return n;
  }

  private boolean nobodyLoggedIn(QueueState q) {
    for (String id : q.members) {
      if (agents.get(id).state != AgentState.OFFLINE) {
        return false;
      }
    }
    return true;
  }

  // ---- agent states ----

  private void startWrapUp(Agent a, Duration wrapUp) {
    if (wrapUp.isZero()) {
      finishWork(a);
      return;
    }
    setState(a, AgentState.WRAP_UP, "wrap-up");
    int round = ++a.wrapRound;
    a.wrapUpTimer =
        timers.schedule(
            wrapUp,
            () -> {
              if (a.state == AgentState.WRAP_UP && a.wrapRound == round) {
                a.wrapUpTimer = null;
                finishWork(a);
                route();
              }
            });
  }

  private void endWrapUpTimer(Agent a) {
    a.wrapUpTimer = QueuedCall.cancel(a.wrapUpTimer);
    a.wrapRound++;
  }

  /** After a call and its wrap-up: AVAILABLE, or the pause asked for during the call. */
  private void finishWork(Agent a) {
    endWrapUpTimer(a);
    if (a.pendingNotReady != null) {
      String why = a.pendingNotReady;
      a.pendingNotReady = null;
      setState(a, AgentState.NOT_READY, why);
    } else {
      makeAvailable(a);
    }
  }

  private void makeAvailable(Agent a) {
    a.idleSince = clock.instant();
    setState(a, AgentState.AVAILABLE, "ready");
  }

  private void setState(Agent a, AgentState state, String reason) {
    Instant now = clock.instant();
    a.state = state;
    a.reason = reason;
    a.since = now;
    listener.agentStateChanged(a.id, state, reason, now);
  }

  // ---- helpers ----

  private QueuedCall liveOffer(Agent a, String callId, String event) {
    if (a == null) {
      return null;
    }
    QueuedCall c = callId == null ? null : calls.get(callId);
    if (c == null
        || a.state != AgentState.OFFERED
        || !callId.equals(a.offeredCall)
        || c.phase != QueuedCall.Phase.OFFERED
        || !c.offeredTo.contains(a.id)) {
      ignore(event, a.id + " for call " + callId + " with no live offer");
      return null;
    }
    return c;
  }

  private Agent known(String event, String agentId) {
    Agent a = agentId == null ? null : agents.get(agentId);
    if (a == null) {
      ignore(event, "unknown agent " + agentId);
    }
    return a;
  }

  private boolean ignore(String event, String what) {
    ignoredEvents++;
    log.debug("ignored {}: {}", event, what);
    return false;
  }

  private Duration waited(QueuedCall c) {
    return Duration.between(c.arrival, clock.instant());
  }
}
