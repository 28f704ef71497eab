package org.tawag.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.acd.AcdConfig;
import org.tawag.acd.AcdEngine;
import org.tawag.acd.AcdListener;
import org.tawag.acd.AgentState;
import org.tawag.acd.AgentView;
import org.tawag.acd.Overflow;
import org.tawag.acd.QueueSpec;
import org.tawag.acd.QueueStats;
import org.tawag.agent.AgentDesk;
import org.tawag.agent.AgentLine;
import org.tawag.agent.AudioPipe;
import org.tawag.agent.CallControl;
import org.tawag.agent.ConnectedCall;
import org.tawag.agent.DialOutcome;
import org.tawag.agent.DialPurpose;
import org.tawag.agent.OfferedCall;
import org.tawag.call.CallQueues;
import org.tawag.call.CallSession;
import org.tawag.call.EndReason;
import org.tawag.config.QueueMedia;
import org.tawag.dialplan.Route;
import org.tawag.media.AudioSink;
import org.tawag.media.MediaLeg;
import org.tawag.media.MediaStats;
import org.tawag.media.bridge.CallMixer;
import org.tawag.media.play.LoopPlayer;
import org.tawag.media.play.PromptPlayer;
import org.tawag.media.play.PromptSequence;
import org.tawag.media.play.Sound;
import org.tawag.media.play.SoundLibrary;
import org.tawag.queue.announce.AnnouncementScript;
import org.tawag.queue.callback.CallbackRequest;
import org.tawag.queue.callback.CallbackRequests;

/**
 * The live ACD: joins calls from the dial plan, agents' devices and the pure {@link AcdEngine}.
 *
 * <p>Three kinds of thread meet here, and each piece of state belongs to one of them. The engine
 * and its timers run on the single {@link AcdThread}. A call's media (music, bridge, hold) is
 * changed only on that call's loop. Agent devices call in from their own threads through {@link
 * AgentDesk}; those calls only post work. The maps that span threads are concurrent; a queued
 * call's handle publishes what crosses threads through volatile fields.
 *
 * <p>A call is answered as soon as it is queued, so the caller hears hold music rather than
 * ringing, and is bridged to the agent who accepts: the caller's RTP frames go to the agent's line
 * and the agent's frames come back through an {@link AudioPipe}.
 *
 * <p>While it waits, the caller hears its position and estimated wait every {@code announce-every}
 * over the music ({@link AnnouncementScript}), and may press the queue's callback key to leave a
 * callback request ({@link CallbackRequests}) and hang up instead.
 */
public final class QueueService implements CallQueues, AgentDesk, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(QueueService.class);

  /** Where the caller goes when a queue is full: this sound, then hang-up. */
  static final String QUEUE_FULL_SOUND = "queue-unavailable";

  /** Music on hold for queues that ring instead of playing music. */
  static final String DEFAULT_MUSIC = "hold-music";

  /** How often the engine's invariants are checked. */
  static final Duration INVARIANT_CHECK_EVERY = Duration.ofSeconds(5);

  /** Length of each RFC 4733 digit an agent sends. */
  private static final int DIGIT_MS = 120;

  private final AcdThread thread = new AcdThread();
  private final Clock clock;
  private final AcdEngine engine;
  private final SoundLibrary sounds;
  private final Map<String, String> musicByQueue = new HashMap<>();
  private final Map<String, QueueSpec> specs = new HashMap<>();
  private final Duration reconnectWindow;
  private final QueueObserver observer;
  private final OutsideDialer dialer;
  private final String transferTrunk;
  private final CallbackRequests callbacks;
  private final OperatorDials dials;

  private final Map<String, Character> callbackKeys = new HashMap<>();

  /** Whether every announcement sound is in the library; without them, callers hear music only. */
  private final boolean announcements;

  private final Map<String, Handle> calls = new ConcurrentHashMap<>();
  private final Map<String, AgentLine> lines = new ConcurrentHashMap<>();

  /** Agent id -> the call they are connected to; written on the ACD thread. */
  private final Map<String, Handle> talking = new ConcurrentHashMap<>();

  /** Agent to the call on which they asked for a supervisor; written on the ACD thread. */
  private final Map<String, String> escalations = new ConcurrentHashMap<>();

  /**
   * Agent id -> the call they are wrapping up and who ended it, so a device that reconnects during
   * wrap-up is told again; written on the ACD thread.
   */
  private final Map<String, String[]> wrapping = new ConcurrentHashMap<>();

  /** Agent id -> call id whose offer was just cancelled, to tell no-answer from other cancels. */
  private final Map<String, String> cancelled = new HashMap<>();

  /**
   * Builds the service; {@code reconnectWindow} is how long a connected call waits on hold for its
   * agent's device to come back before it returns to the head of its queue. Transfers to outside
   * numbers go through {@code dialer} over {@code transferTrunk}, or the call's own trunk when
   * null; {@code callbacks} stores the requests of callers who press their queue's callback key.
   * Operators' own calls go through {@code dialer} as {@code dialing} says.
   */
  public QueueService(
      AcdConfig config,
      Iterable<QueueMedia> media,
      SoundLibrary sounds,
      Duration reconnectWindow,
      Clock clock,
      QueueObserver observer,
      OutsideDialer dialer,
      String transferTrunk,
      CallbackRequests callbacks,
      OperatorDialing dialing) {
    this.clock = clock;
    this.dialer = dialer;
    this.transferTrunk = transferTrunk;
    this.sounds = sounds;
    this.reconnectWindow = reconnectWindow;
    this.observer = observer;
    this.callbacks = callbacks;
    for (QueueMedia m : media) {
      musicByQueue.put(m.queue(), m.music());
      m.callbackKey().ifPresent(key -> callbackKeys.put(m.queue(), key));
    }
    List<String> missing =
        AnnouncementScript.soundNames().stream().filter(n -> sounds.find(n).isEmpty()).toList();
    this.announcements = missing.isEmpty();
    if (!announcements) {
      log.warn("queue announcements off: sounds missing: {}", missing);
    }
    for (QueueSpec q : config.queues()) {
      specs.put(q.name(), q);
    }
    this.engine = new AcdEngine(config, clock, thread, new Commands());
    // An operator's own calls end in the wrap-up of their first queue.
    Map<String, String> homeQueues = new HashMap<>();
    for (org.tawag.acd.Member m : config.members()) {
      homeQueues.putIfAbsent(m.agentId(), m.queue());
    }
    this.dials =
        new OperatorDials(
            engine, thread, lines::get, homeQueues::get, observer, dialer, dialing, clock);
    scheduleInvariantCheck();
  }

  // ---- calls (on each call's loop) ----

  @Override
  public void enqueue(CallSession call, Route.Queue route) {
    PendingDial dial = dials.pending(call.channel().callId());
    if (dial != null) {
      connectDial(call, route, dial);
      return;
    }
    MediaLeg media = call.channel().media();
    Handle h =
        new Handle(
            call,
            call.channel().callId(),
            media.executor(),
            // For a call Tawag placed (a campaign's), the party in the queue is the one dialled.
            call.channel().inbound()
                ? call.channel().callerNumber()
                : call.channel().dialledNumber(),
            route.queue(),
            clock.instant());
    if (QueueMedia.RING.equals(musicByQueue.get(route.queue()))) {
      call.channel().ring();
    } else {
      h.answer();
    }
    h.playMusic();
    calls.put(h.callId, h);
    observer.entered(h.callId, h.queue, h.arrived);
    thread.execute(() -> engine.callArrived(h.callId, route.queue(), 0));
  }

  @Override
  public void left(CallSession call) {
    Handle h = calls.remove(call.channel().callId());
    if (h == null) {
      return;
    }
    h.gone = true;
    h.loop.execute(h.mixer::end);
    if (h.outside) {
      // Transferred out: the ACD let go of it already; end the outside leg with the caller's.
      h.hangUpOutside();
      return;
    }
    thread.execute(
        () -> {
          String agent = h.agent;
          AgentLine line = agent == null ? null : lines.get(agent);
          String by = h.endedByAgent ? "agent" : "caller";
          if (agent != null) {
            wrapping.put(agent, new String[] {h.callId, by});
            escalations.remove(agent, h.callId);
          }
          if (line != null) {
            // Before the engine's wrap-up state, so the operator reads "ended" first.
            line.callEnded(h.callId, by);
          }
          engine.callEnded(h.callId);
          observer.leftQueue(h.callId, clock.instant());
          if (agent != null) {
            talking.remove(agent, h);
            if (line == null) {
              // The caller left while the agent's device was away: no wrap-up for nobody.
              engine.agentLoggedOut(agent);
            }
          }
        });
  }

  /** The queue's callback key leaves a callback request, if the call is still waiting. */
  @Override
  public void digit(CallSession call, char digit) {
    Handle h = calls.get(call.channel().callId());
    if (h == null || h.leaving || h.fromAgent != null || call.isEnded()) {
      return;
    }
    Character key = callbackKeys.get(h.queue);
    if (key == null || key != digit) {
      return;
    }
    h.leaving = true;
    thread.execute(() -> takeCallbackRequest(h));
  }

  /** On the ACD thread, which alone knows whether an agent took the call meanwhile. */
  private void takeCallbackRequest(Handle h) {
    if (h.agent != null || !calls.remove(h.callId, h)) {
      h.loop.execute(() -> h.leaving = false);
      return;
    }
    h.gone = true;
    Instant now = clock.instant();
    observer.callbackRequested(h.callId, h.queue, now);
    // Out of the engine now, so no agent is offered the call while it says goodbye.
    engine.callEnded(h.callId);
    observer.leftQueue(h.callId, now);
    CompletableFuture<Void> stored;
    try {
      stored = callbacks.add(new CallbackRequest(h.callId, h.queue, h.caller, now));
    } catch (RuntimeException e) {
      stored = CompletableFuture.failedFuture(e);
    }
    stored.whenComplete(
        (ok, e) -> {
          if (e != null) {
            // The exception's class only: a database message may quote the caller's number.
            log.error(
                "call {}: callback request not stored ({})", h.callId, e.getClass().getName());
          } else {
            log.info("call {}: callback request stored for queue {}", h.callId, h.queue);
          }
          h.loop.execute(() -> confirmCallback(h, e == null));
        });
  }

  /** Thanks the caller (or says sorry when the request was not stored), then hangs up. */
  private void confirmCallback(Handle h, boolean stored) {
    if (h.session.isEnded()) {
      return;
    }
    h.answer();
    Optional<Sound> sound =
        sounds.find(stored ? AnnouncementScript.CALLBACK_THANKS : QUEUE_FULL_SOUND);
    if (sound.isEmpty()) {
      h.session.hangUp(EndReason.LOCAL_HANGUP);
      return;
    }
    h.media().setSink(null);
    h.media()
        .setSource(
            new PromptPlayer(
                sound.get(), () -> h.loop.execute(() -> h.session.hangUp(EndReason.LOCAL_HANGUP))));
  }

  /** Plays {@code script} in place of the music of a call still waiting; on the call's loop. */
  private void playAnnouncement(Handle h, List<String> script) {
    if (h.session.isEnded() || h.gone || h.leaving || !h.answered || h.fromAgent != null) {
      return;
    }
    Instant now = clock.instant();
    if (h.announcement != null && !h.announcement.done() && now.isBefore(h.announcementEnds)) {
      // announce-every is shorter than the announcement: let this one finish.
      return;
    }
    List<Sound> parts = script.stream().map(sounds::get).toList();
    PromptSequence sequence =
        new PromptSequence(
            parts,
            () -> {
              // Inside the sequence's last read, so it is still the leg's source: nobody (an agent
              // answering, a callback request) has taken the line meanwhile.
              if (!h.session.isEnded() && !h.leaving && h.fromAgent == null) {
                h.media().setSource(h.music);
              }
            });
    h.announcement = sequence;
    h.announcementEnds = now.plusMillis(20L * sequence.frames());
    h.media().setSource(sequence);
  }

  // ---- agents (any thread) ----

  @Override
  public void connected(AgentLine line) {
    String id = line.agentId();
    AgentLine old = lines.put(id, line);
    if (old != null && old != line) {
      old.replaced();
    }
    thread.execute(
        () -> {
          if (lines.get(id) != line) {
            return;
          }
          engine.agentLoggedIn(id);
          if (isMember(id)) {
            AgentView v = engine.agent(id);
            line.stateChanged(v.state(), v.reason(), v.since());
          } else {
            line.stateChanged(AgentState.OFFLINE, "not a member of any queue", clock.instant());
          }
          Handle h = talking.get(id);
          if (h != null && !h.gone) {
            log.info("agent {} is back during call {}", id, h.callId);
            h.loop.execute(() -> h.bridge(line));
          }
          String[] wrap = wrapping.get(id);
          if (wrap != null && isMember(id) && engine.agent(id).state() == AgentState.WRAP_UP) {
            // A device that came back during wrap-up must be able to file the call.
            line.callEnded(wrap[0], wrap[1]);
          }
        });
  }

  @Override
  public void disconnected(AgentLine line) {
    String id = line.agentId();
    if (!lines.remove(id, line)) {
      return;
    }
    thread.execute(
        () -> {
          dials.cancelNow(id);
          Handle h = talking.get(id);
          if (h == null || h.gone) {
            if (isMember(id) && engine.agent(id).state() == AgentState.WRAP_UP) {
              // A reload during wrap-up must not lose the call's filing: wait for the device.
              thread.schedule(reconnectWindow, () -> logOutIfStillAway(id));
            } else {
              engine.agentLoggedOut(id);
            }
            return;
          }
          log.info("agent {} lost during call {}: caller on hold", id, h.callId);
          h.loop.execute(h::unbridge);
          thread.schedule(reconnectWindow, () -> giveUpOnAgent(id, h));
        });
  }

  private void logOutIfStillAway(String agentId) {
    if (!lines.containsKey(agentId) && talking.get(agentId) == null) {
      engine.agentLoggedOut(agentId);
    }
  }

  private void giveUpOnAgent(String agentId, Handle h) {
    if (lines.containsKey(agentId) || h.gone || talking.get(agentId) != h) {
      return;
    }
    if (h.dialled) {
      // The operator's own call has no queue to wait in: it ends.
      log.info("agent {} did not come back: their call {} ends", agentId, h.callId);
      h.loop.execute(() -> h.session.hangUp(EndReason.LOCAL_HANGUP));
      return;
    }
    log.info("agent {} did not come back: call {} returns to its queue", agentId, h.callId);
    talking.remove(agentId, h);
    escalations.remove(agentId, h.callId);
    h.agent = null;
    h.loop.execute(h.mixer::end);
    engine.returnToQueue(h.callId);
  }

  @Override
  public void ready(String agentId) {
    thread.execute(() -> engine.agentReady(agentId));
  }

  @Override
  public void readyAfterNoAnswer(String agentId) {
    thread.execute(
        () -> {
          if (isMember(agentId)) {
            AgentView v = engine.agent(agentId);
            if (v.state() == AgentState.NOT_READY && "no answer".equals(v.reason())) {
              engine.agentReady(agentId);
            }
          }
        });
  }

  @Override
  public void pause(String agentId, String reason) {
    thread.execute(() -> engine.agentNotReady(agentId, reason));
  }

  @Override
  public void logOut(String agentId) {
    thread.execute(() -> engine.agentLoggedOut(agentId));
  }

  @Override
  public void answer(String agentId, String callId) {
    thread.execute(() -> engine.offerAccepted(agentId, callId));
  }

  @Override
  public void reject(String agentId, String callId) {
    thread.execute(() -> engine.offerRejected(agentId, callId));
  }

  @Override
  public void wrapUp(String agentId, String callId, String disposition, String orderId) {
    thread.execute(
        () -> {
          observer.wrappedUp(callId, agentId, disposition, orderId, clock.instant());
          engine.wrapUpDone(agentId);
        });
  }

  // ---- operators' own calls ----

  @Override
  public CompletableFuture<DialOutcome> dial(
      String agentId, String number, Optional<DialPurpose> purpose) {
    return dials.dial(agentId, number, purpose);
  }

  @Override
  public void cancelDial(String agentId) {
    dials.cancel(agentId);
  }

  /**
   * The far end answered: on the call's loop, it becomes a call of the service like a queued one,
   * connected at once to the operator who dialled (or hung up if that operator left meanwhile).
   */
  private void connectDial(CallSession call, Route.Queue route, PendingDial d) {
    Handle h =
        new Handle(
            call,
            d.callId,
            call.channel().media().executor(),
            d.number,
            route.queue(),
            clock.instant());
    h.answered = true;
    h.dialled = true;
    h.playMusic();
    calls.put(h.callId, h);
    thread.execute(
        () -> {
          if (!dials.answered(d)) {
            h.loop.execute(() -> call.hangUp(EndReason.LOCAL_HANGUP));
            return;
          }
          h.agent = d.agentId;
          talking.put(d.agentId, h);
          AgentLine line = lines.get(d.agentId);
          if (line != null) {
            h.loop.execute(() -> h.bridge(line));
          }
          d.answered();
        });
  }

  // ---- queries ----

  /** The counters of {@code queue}, read on the ACD thread. */
  public CompletableFuture<QueueStats> stats(String queue) {
    return CompletableFuture.supplyAsync(() -> engine.stats(queue), thread);
  }

  /** How many members of {@code queue} are free to take a call, read on the ACD thread. */
  public CompletableFuture<Integer> freeAgents(String queue) {
    return CompletableFuture.supplyAsync(() -> engine.freeAgents(queue), thread);
  }

  /** An agent's state, read on the ACD thread; empty for an agent in no queue. */
  public CompletableFuture<Optional<AgentView>> agent(String agentId) {
    return CompletableFuture.supplyAsync(
        () -> isMember(agentId) ? Optional.of(engine.agent(agentId)) : Optional.empty(), thread);
  }

  /**
   * Puts {@code supervisor} on {@code callId} in {@code mode} (see {@link CallMixer}): from now on,
   * while the caller is connected to an agent, the supervisor hears both and, whispering or
   * barging, is heard. The supervision ends, and its {@code ended} runs on the call's loop, when
   * the call or the agent's part of it ends or another supervisor takes the call. Empty when no
   * such call is in the service.
   */
  public Optional<Supervision> supervise(
      String callId, CallMixer.Supervisor supervisor, CallMixer.Mode mode) {
    Handle h = calls.get(callId);
    if (h == null) {
      return Optional.empty();
    }
    h.loop.execute(
        () -> {
          if (h.gone || h.session.isEnded()) {
            supervisor.ended().run();
          } else {
            h.mixer.supervise(supervisor, mode);
          }
        });
    return Optional.of(
        new Supervision() {
          @Override
          public void mode(CallMixer.Mode next) {
            h.loop.execute(() -> h.mixer.mode(supervisor, next));
          }

          @Override
          public void stop() {
            h.loop.execute(() -> h.mixer.unsupervise(supervisor));
          }
        });
  }

  /** A supervisor's hold on one call, from {@link #supervise}; any thread. */
  public interface Supervision {
    /** Switches between listening, whispering and barging. */
    void mode(CallMixer.Mode mode);

    /** Takes the supervisor off the call (its {@code ended} does not run). */
    void stop();
  }

  /** The operators who asked a supervisor for help on their current call, by agent id. */
  public Set<String> escalated() {
    return Set.copyOf(escalations.keySet());
  }

  /**
   * The caller number (as the trunk sent it) of the call {@code agentId} is connected to now, if
   * any: the REST API lets an operator read that caller's customer data and no one else's.
   */
  public Optional<String> connectedCaller(String agentId) {
    for (Handle h : calls.values()) {
      if (agentId.equals(h.agent) && !h.gone) {
        return Optional.ofNullable(h.caller);
      }
    }
    return Optional.empty();
  }

  /** Calls queued, ringing or connected now. */
  public int calls() {
    return calls.size();
  }

  /** Checks the engine's invariants now, repairing what is broken; returns the repairs. */
  public CompletableFuture<Integer> checkInvariants() {
    return CompletableFuture.supplyAsync(engine::checkInvariants, thread);
  }

  /**
   * The engine checks its invariants (one live offer per agent, no agent on call without a call, no
   * ended call left queued) every {@link #INVARIANT_CHECK_EVERY}; a broken one is repaired, logged
   * and counted there, so a bug can delay distribution by at most that long, never stall it.
   */
  private void scheduleInvariantCheck() {
    thread.schedule(
        INVARIANT_CHECK_EVERY,
        () -> {
          try {
            engine.checkInvariants();
          } finally {
            scheduleInvariantCheck();
          }
        });
  }

  /** Repairs made by the invariant checks so far, read on the ACD thread. */
  public CompletableFuture<Long> invariantRepairs() {
    return CompletableFuture.supplyAsync(engine::invariantRepairs, thread);
  }

  private boolean isMember(String agentId) {
    try {
      engine.agent(agentId);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public void close() {
    thread.close();
  }

  // ---- commands from the engine (on the ACD thread) ----

  private final class Commands implements AcdListener {
    @Override
    public void offer(String agentId, String callId) {
      Handle h = calls.get(callId);
      AgentLine line = lines.get(agentId);
      if (h == null) {
        thread.execute(() -> engine.offerRejected(agentId, callId));
        return;
      }
      if (line == null) {
        // Free but with no device (it left during wrap-up and did not come back yet): not a
        // missed call but an absent operator, who must not hold calls in a stale state.
        thread.execute(() -> engine.agentLoggedOut(agentId));
        return;
      }
      Instant now = clock.instant();
      observer.offered(callId, agentId, now);
      line.offer(
          new OfferedCall(
              callId,
              h.caller,
              h.queue,
              Duration.between(h.arrived, now),
              specs.get(h.queue).offerTimeout()));
    }

    @Override
    public void cancelOffer(String agentId, String callId) {
      cancelled.put(agentId, callId);
      AgentLine line = lines.get(agentId);
      if (line != null) {
        line.cancelOffer(callId);
      }
    }

    @Override
    public void connect(String agentId, String callId) {
      Handle h = calls.get(callId);
      if (h == null) {
        return;
      }
      h.agent = agentId;
      talking.put(agentId, h);
      AgentLine line = lines.get(agentId);
      if (line != null) {
        h.loop.execute(() -> h.bridge(line));
      }
    }

    @Override
    public void announce(String callId, int position, Optional<Duration> estimatedWait) {
      log.debug(
          "call {}: position {}, estimated wait {}",
          callId,
          position,
          estimatedWait.map(Duration::toSeconds).orElse(-1L));
      Handle h = calls.get(callId);
      if (h == null || !announcements) {
        return;
      }
      List<String> script =
          AnnouncementScript.sounds(
              position, estimatedWait, Optional.ofNullable(callbackKeys.get(h.queue)));
      h.loop.execute(() -> playAnnouncement(h, script));
    }

    @Override
    public void overflow(String callId, Overflow target) {
      Handle h = calls.get(callId);
      if (h == null) {
        return;
      }
      Instant now = clock.instant();
      if (target instanceof Overflow.ToQueue to) {
        observer.overflowed(callId, "queue:" + to.queue(), now);
        h.queue = to.queue();
        observer.entered(callId, to.queue(), now);
        h.loop.execute(h::playMusic);
      } else if (target instanceof Overflow.ToTarget t) {
        calls.remove(callId);
        observer.overflowed(callId, "target:" + t.dialPlanTarget(), now);
        observer.leftQueue(callId, now);
        h.loop.execute(() -> h.session.enterTarget(t.dialPlanTarget()));
      } else {
        calls.remove(callId);
        observer.overflowed(callId, "hangup", now);
        observer.leftQueue(callId, now);
        h.loop.execute(() -> h.session.hangUp(EndReason.LOCAL_HANGUP));
      }
    }

    @Override
    public void rejectFull(String callId) {
      Handle h = calls.remove(callId);
      if (h == null) {
        return;
      }
      observer.overflowed(callId, "full", clock.instant());
      observer.leftQueue(callId, clock.instant());
      h.loop.execute(h::sayFullAndHangUp);
    }

    @Override
    public void abandoned(String callId, String queue, Duration waited) {
      observer.abandoned(callId, queue, waited, clock.instant());
    }

    @Override
    public void answered(String callId, String queue, String agentId, Duration waited) {
      observer.answered(callId, queue, agentId, waited, clock.instant());
    }

    @Override
    public void agentStateChanged(String agentId, AgentState state, String reason, Instant at) {
      if (state != AgentState.WRAP_UP) {
        wrapping.remove(agentId);
      }
      String offered = cancelled.remove(agentId);
      if (offered != null && state == AgentState.NOT_READY && "no answer".equals(reason)) {
        observer.notAnswered(offered, agentId, at);
      }
      observer.agentState(agentId, state, reason, at);
      AgentLine line = lines.get(agentId);
      if (line != null) {
        line.stateChanged(state, reason, at);
      }
    }

    @Override
    public void invariantRepaired(String description) {
      log.warn("ACD invariant repaired: {}", description);
    }
  }

  // ---- one queued call ----

  /** A call in the queue service. Media fields are touched on the call's loop only. */
  private final class Handle implements CallControl {
    final CallSession session;
    final String callId;
    final Executor loop;
    final String caller;
    final Instant arrived;
    volatile String queue;
    volatile String agent;
    volatile boolean gone;
    volatile boolean endedByAgent;
    volatile boolean outside;

    /** An operator's own call: it has no queue to go back to while connected to them. */
    volatile boolean dialled;

    private volatile OutsideDialer.OutsideLeg outsideLeg;

    private LoopPlayer music;
    private boolean answered;
    private AudioPipe fromAgent;
    private AudioSink toAgent;
    private boolean held;
    private boolean muted;

    /** Caller, agent and supervisor audio while an agent is connected. */
    final CallMixer mixer = new CallMixer();

    /** The last announcement started, and when it ends if nothing interrupts it. */
    private PromptSequence announcement;

    private Instant announcementEnds;

    /** A callback request is being taken: no more announcements, no second request. */
    private boolean leaving;

    Handle(
        CallSession session,
        String callId,
        Executor loop,
        String caller,
        String queue,
        Instant arrived) {
      this.session = session;
      this.callId = callId;
      this.loop = loop;
      this.caller = caller;
      this.queue = queue;
      this.arrived = arrived;
    }

    private MediaLeg media() {
      return session.channel().media();
    }

    void answer() {
      if (!answered) {
        answered = true;
        session.channel().answer();
      }
    }

    /** Starts the queue's music; a queue that rings plays none until answered. */
    void playMusic() {
      if (session.isEnded()) {
        return;
      }
      String name = musicByQueue.getOrDefault(queue, DEFAULT_MUSIC);
      if (QueueMedia.RING.equals(name)) {
        name = DEFAULT_MUSIC;
        if (!answered) {
          music = null;
          return;
        }
      }
      music = sounds.find(name).map(LoopPlayer::new).orElse(null);
      media().setSink(null);
      media().setSource(music);
    }

    /** Joins the caller and {@code line}; on the call's loop. */
    void bridge(AgentLine line) {
      if (session.isEnded() || gone) {
        return;
      }
      if (!answered) {
        answer();
        playMusic();
      }
      fromAgent = new AudioPipe();
      fromAgent.mute(muted);
      toAgent =
          line.connect(new ConnectedCall(callId, caller, queue, this, held, muted), fromAgent);
      mixer.connectAgent(fromAgent, toAgent);
      if (!held) {
        media().setSource(mixer);
        media().setSink(mixer);
      }
    }

    /** The agent's device is gone: the caller hears music until it comes back. */
    void unbridge() {
      if (session.isEnded()) {
        return;
      }
      toAgent = null;
      fromAgent = null;
      mixer.disconnectAgent();
      media().setSink(null);
      media().setSource(music);
    }

    void sayFullAndHangUp() {
      if (session.isEnded()) {
        return;
      }
      if (sounds.find(QUEUE_FULL_SOUND).isEmpty()) {
        session.hangUp(EndReason.LOCAL_HANGUP);
        return;
      }
      media()
          .setSource(
              new PromptPlayer(
                  sounds.get(QUEUE_FULL_SOUND),
                  () -> loop.execute(() -> session.hangUp(EndReason.LOCAL_HANGUP))));
    }

    @Override
    public void hangUp() {
      loop.execute(
          () -> {
            endedByAgent = true;
            observer.agentHungUp(callId, clock.instant());
            session.hangUp(EndReason.LOCAL_HANGUP);
          });
    }

    @Override
    public void hold() {
      loop.execute(
          () -> {
            if (held || session.isEnded() || toAgent == null) {
              return;
            }
            held = true;
            observer.hold(callId, true, clock.instant());
            media().setSink(null);
            media().setSource(music);
          });
    }

    @Override
    public void resume() {
      loop.execute(
          () -> {
            if (!held || session.isEnded()) {
              return;
            }
            held = false;
            observer.hold(callId, false, clock.instant());
            if (toAgent != null) {
              media().setSource(mixer);
              media().setSink(mixer);
            }
          });
    }

    @Override
    public void mute(boolean on) {
      loop.execute(
          () -> {
            muted = on;
            if (fromAgent != null) {
              fromAgent.mute(on);
            }
          });
    }

    @Override
    public CompletableFuture<Void> transferToQueue(String target) {
      if (!specs.containsKey(target)) {
        return CompletableFuture.failedFuture(
            new IllegalArgumentException("no queue named " + target));
      }
      thread.execute(
          () -> {
            String from = releaseAgent("queue:" + target);
            if (from == null) {
              return;
            }
            queue = target;
            observer.entered(callId, target, clock.instant());
            loop.execute(this::playMusic);
            engine.callArrived(callId, target, 0);
          });
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> transferToAgent(String target) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      thread.execute(
          () -> {
            // Membership is the engine's to say, on its thread.
            if (!isMember(target)) {
              done.completeExceptionally(
                  new IllegalArgumentException("no operator named " + target));
              return;
            }
            if (target.equals(agent)) {
              done.completeExceptionally(new IllegalArgumentException("the call is yours already"));
              return;
            }
            done.complete(null);
            if (releaseAgent("agent:" + target) == null) {
              return;
            }
            observer.entered(callId, queue, clock.instant());
            loop.execute(this::playMusic);
            engine.callArrivedFor(callId, queue, target);
          });
      return done;
    }

    @Override
    public CompletableFuture<Void> transferToNumber(String number) {
      if (dialer == null) {
        return CompletableFuture.failedFuture(
            new IllegalStateException("transfers to numbers are not available"));
      }
      thread.execute(
          () -> {
            if (releaseAgent("number") == null) {
              return;
            }
            outside = true;
            observer.leftQueue(callId, clock.instant());
            loop.execute(this::playMusic);
            String trunk = transferTrunk != null ? transferTrunk : session.channel().trunk();
            dialer
                .dial(trunk, number, caller)
                .whenComplete(
                    (leg, error) ->
                        loop.execute(
                            () -> {
                              if (error == null) {
                                bridgeOutside(leg);
                              } else {
                                log.info(
                                    "call {}: transfer to a number failed ({}), back to {}",
                                    callId,
                                    error.getClass().getSimpleName(),
                                    queue);
                                backToQueue();
                              }
                            }));
          });
      return CompletableFuture.completedFuture(null);
    }

    /**
     * On the ACD thread: ends the agent's part of a connected call for a transfer; returns the
     * agent, or null when the call is not connected to one any more.
     */
    private String releaseAgent(String target) {
      String from = agent;
      if (gone || from == null || talking.get(from) != this) {
        return null;
      }
      observer.transferred(callId, from, target, clock.instant());
      dialled = false;
      wrapping.put(from, new String[] {callId, "transfer"});
      talking.remove(from, this);
      agent = null;
      AgentLine line = lines.get(from);
      if (line != null) {
        line.callEnded(callId, "transfer");
      }
      engine.callEnded(callId);
      escalations.remove(from, callId);
      loop.execute(
          () -> {
            toAgent = null;
            fromAgent = null;
            mixer.disconnectAgent();
            mixer.end();
          });
      return from;
    }

    private void bridgeOutside(OutsideDialer.OutsideLeg leg) {
      if (session.isEnded() || gone) {
        leg.hangUp();
        return;
      }
      outsideLeg = leg;
      AudioPipe fromOutside = new AudioPipe();
      AudioPipe toOutside = new AudioPipe();
      media().setSource(fromOutside);
      media().setSink((codec, frame) -> toOutside.push(codec, frame, 0));
      leg.media()
          .executor()
          .execute(
              () -> {
                leg.media().setSource(toOutside);
                leg.media().setSink((codec, frame) -> fromOutside.push(codec, frame, 0));
              });
      leg.ended().thenRun(() -> loop.execute(() -> session.hangUp(EndReason.LOCAL_HANGUP)));
    }

    private void backToQueue() {
      if (session.isEnded() || gone) {
        return;
      }
      thread.execute(
          () -> {
            outside = false;
            observer.entered(callId, queue, clock.instant());
            engine.callArrived(callId, queue, 0);
          });
    }

    void hangUpOutside() {
      OutsideDialer.OutsideLeg leg = outsideLeg;
      if (leg != null) {
        leg.hangUp();
      }
    }

    @Override
    public Optional<MediaStats> callerStats() {
      return session.isEnded() ? Optional.empty() : Optional.of(media().stats());
    }

    @Override
    public void escalate() {
      thread.execute(
          () -> {
            String a = agent;
            if (!gone && a != null && talking.get(a) == this) {
              log.info("agent {} asks a supervisor for help on call {}", a, callId);
              escalations.put(a, callId);
            }
          });
    }

    @Override
    public void sendDigits(String digits) {
      loop.execute(
          () -> {
            if (session.isEnded()) {
              return;
            }
            for (char d : digits.toCharArray()) {
              media().sendDigit(d, DIGIT_MS);
            }
          });
    }
  }
}
