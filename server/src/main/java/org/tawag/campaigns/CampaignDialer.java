package org.tawag.campaigns;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.agent.DialPurpose;
import org.tawag.orders.Disposition;
import org.tawag.queue.QueueObserver;
import org.tawag.sip.DialResult;

/**
 * Dials the contacts of running progressive campaigns as operators of their queues become free,
 * {@code ratio} calls per free operator, and closes contacts from their calls' results and the
 * operators' dispositions.
 *
 * <p>Everything runs on one executor of its own (the server gives it a single thread): ticks, dial
 * results and dispositions are serial, so the count of ringing dials needs no lock. That thread
 * does the JDBC; it is not a SIP, media or ACD thread, which only hand events to it. Every dial
 * first passes {@link DialRules}, and the reason it passed is stored with the attempt.
 */
public final class CampaignDialer implements QueueObserver {
  private static final Logger log = LoggerFactory.getLogger(CampaignDialer.class);
  private static final Duration ASK_ACD = Duration.ofSeconds(2);

  /** How often the dialer looks for free operators and due contacts. */
  public static final Duration TICK = Duration.ofMillis(500);

  private final JdbcCampaigns store;
  private final CampaignLines lines;
  private final Clock clock;
  private final Executor thread;

  /** Dials ringing per campaign id: only on {@link #thread}. */
  private final Map<Long, Integer> ringing = new HashMap<>();

  /** Calls placed and not yet closed, by call id: read by screen pops on other threads. */
  private final Map<String, CampaignCall> live = new ConcurrentHashMap<>();

  /**
   * Preview dials asked for and not started yet, by contact id: {@link #dialStarted} moves each to
   * {@link #live} under its call id as soon as the ACD names it, before the operator's screen pop.
   */
  private final Map<Long, CampaignCall> previewing = new ConcurrentHashMap<>();

  public CampaignDialer(JdbcCampaigns store, CampaignLines lines, Clock clock, Executor thread) {
    this.store = store;
    this.lines = lines;
    this.clock = clock;
    this.thread = thread;
  }

  /** A single daemon thread for a dialer. */
  public static ScheduledExecutorService thread() {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, "tawag-campaign-dialer");
          t.setDaemon(true);
          return t;
        });
  }

  /** The campaign call {@code callId} is, if a campaign placed it and it is not closed yet. */
  public Optional<CampaignCall> call(String callId) {
    return Optional.ofNullable(live.get(callId));
  }

  /** One round over the running progressive campaigns; call it on the dialer's thread. */
  public void tick() {
    List<Campaign> running;
    try {
      running = store.running();
    } catch (SQLException e) {
      log.warn("campaign dialer cannot read campaigns: {}", describe(e));
      return;
    }
    for (Campaign c : running) {
      if (c.mode() == Campaign.Mode.PROGRESSIVE) {
        try {
          dialFor(c);
        } catch (SQLException | RuntimeException e) {
          log.warn("campaign {} dial round failed: {}", c.id(), describe(e));
        }
      }
    }
  }

  private void dialFor(Campaign c) throws SQLException {
    int free = ask(lines.freeOperators(c.queue()));
    int waiting = ask(lines.waitingCalls(c.queue()));
    int want = c.callsFor(free) - ringing.getOrDefault(c.id(), 0) - waiting;
    if (want <= 0) {
      return;
    }
    Instant now = clock.instant();
    // Some due contacts are held back by the rules; look a little further to still fill the slots.
    for (Contact k : store.due(c.id(), null, now, want * 4)) {
      if (want == 0) {
        return;
      }
      DialDecision d = DialRules.decide(c, k, store.onDoNotCallList(k.phone()), now);
      if (d instanceof DialDecision.Dial dial) {
        if (place(c, k, dial.reason(), now)) {
          want--;
        }
      } else if (d instanceof DialDecision.Wait w) {
        store.change(k.id(), new ContactChange(k.state(), w.until(), null, w.reason()), now);
      } else if (d instanceof DialDecision.Close close) {
        store.change(k.id(), new ContactChange(close.state(), null, null, close.reason()), now);
      }
    }
  }

  private static int ask(CompletableFuture<Integer> answer) {
    try {
      return answer.get(ASK_ACD.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the ACD did not answer: " + e, e);
    }
  }

  private boolean place(Campaign c, Contact k, String reason, Instant now) throws SQLException {
    Optional<Long> claimed = store.startAttempt(k, reason, null, now);
    if (claimed.isEmpty()) {
      return false;
    }
    long attempt = claimed.get();
    ringing.merge(c.id(), 1, Integer::sum);
    CompletableFuture<CampaignLines.Placed> placed;
    try {
      placed = lines.dial(c, k.phone());
    } catch (RuntimeException e) {
      placed = CompletableFuture.failedFuture(e);
    }
    placed.whenComplete(
        (p, error) ->
            thread.execute(
                () -> {
                  if (error != null) {
                    log.warn("campaign {} dial not placed: {}", c.id(), describe(error));
                    ended(c, k, attempt, null, DialOutcome.FAILED, 0);
                    return;
                  }
                  live.put(
                      p.callId(),
                      new CampaignCall(c.id(), c.name(), c.script(), k.id(), k.customerId()));
                  run(() -> store.attemptPlaced(attempt, p.callId()));
                  p.result()
                      .whenComplete(
                          (r, e) ->
                              thread.execute(
                                  () -> {
                                    if (r instanceof DialResult.Answered) {
                                      ended(c, k, attempt, p.callId(), DialOutcome.ANSWERED, 200);
                                    } else if (r instanceof DialResult.Failed f) {
                                      ended(
                                          c,
                                          k,
                                          attempt,
                                          p.callId(),
                                          DialOutcome.of(f.cause()),
                                          f.sipStatus());
                                    } else {
                                      ended(c, k, attempt, p.callId(), DialOutcome.FAILED, 0);
                                    }
                                  }));
                }));
    return true;
  }

  private void ended(
      Campaign c, Contact k, long attempt, String callId, DialOutcome result, int sipStatus) {
    ringing.merge(c.id(), -1, Integer::sum);
    recordEnd(c, k, attempt, callId, result, sipStatus);
  }

  private void recordEnd(
      Campaign c, Contact k, long attempt, String callId, DialOutcome result, int sipStatus) {
    if (result != DialOutcome.ANSWERED && callId != null) {
      live.remove(callId);
    }
    Instant now = clock.instant();
    Contact dialled = k.dialled();
    ContactChange change = DialRules.afterDial(c, dialled, result, now);
    run(() -> store.attemptEnded(attempt, k.id(), result, sipStatus, change, now));
  }

  // ---- preview dialing ----

  /**
   * Dials a previewed contact for {@code agent}, its attempt {@code attempt} already stored; the
   * result closes the attempt like a progressive dial's, and an answered call's disposition closes
   * the contact. Any thread.
   */
  public void dialForOperator(
      OperatorDialer operators, Campaign c, Contact k, long attempt, String agent) {
    CompletableFuture<OperatorDialer.Result> dial;
    previewing.put(k.id(), new CampaignCall(c.id(), c.name(), c.script(), k.id(), k.customerId()));
    try {
      dial = operators.dial(c, agent, k.phone(), k.customerId(), k.id());
    } catch (RuntimeException e) {
      dial = CompletableFuture.failedFuture(e);
    }
    dial.whenComplete(
        (r, error) ->
            thread.execute(
                () -> {
                  previewing.remove(k.id());
                  if (error != null) {
                    log.warn("campaign {} preview dial refused: {}", c.id(), describe(error));
                    recordEnd(c, k, attempt, null, DialOutcome.FAILED, 0);
                    return;
                  }
                  run(() -> store.attemptPlaced(attempt, r.callId()));
                  if (r.outcome() == DialOutcome.ANSWERED) {
                    live.put(
                        r.callId(),
                        new CampaignCall(c.id(), c.name(), c.script(), k.id(), k.customerId()));
                  }
                  recordEnd(c, k, attempt, r.callId(), r.outcome(), 0);
                }));
  }

  // ---- from the ACD (its thread): hand over at once ----

  @Override
  public void dialStarted(
      String callId,
      String agent,
      String trunk,
      String number,
      Optional<DialPurpose> purpose,
      Instant at) {
    purpose
        .flatMap(DialPurpose::campaignContactId)
        .map(previewing::remove)
        .ifPresent(call -> live.put(callId, call));
  }

  @Override
  public void wrappedUp(
      String callId, String agent, String disposition, String orderId, Instant at) {
    CampaignCall call = live.remove(callId);
    if (call != null) {
      thread.execute(() -> closeByOperator(call, agent, disposition, orderId));
    }
  }

  @Override
  public void abandoned(String callId, String queue, Duration waited, Instant at) {
    CampaignCall call = live.remove(callId);
    if (call != null) {
      thread.execute(() -> dropped(call));
    }
  }

  private void closeByOperator(CampaignCall call, String agent, String code, String orderId) {
    run(
        () -> {
          Optional<Campaign> c = store.find(call.campaignId());
          Optional<Contact> k = store.contact(call.contactId());
          if (c.isEmpty() || k.isEmpty()) {
            return;
          }
          Instant now = clock.instant();
          Disposition disposition;
          try {
            disposition = code == null ? null : Disposition.fromCode(code);
          } catch (IllegalArgumentException e) {
            disposition = null;
          }
          if (disposition == null) {
            // No disposition (the operator's device was lost): try the customer again later.
            store.change(
                k.get().id(),
                DialRules.retryOrClose(c.get(), k.get().attempts(), DialOutcome.FAILED, now),
                now);
            return;
          }
          store.close(
              k.get(),
              ContactClosing.of(c.get(), k.get(), disposition, agent, now),
              orderId,
              agent,
              now);
        });
  }

  /** The customer answered but hung up before an operator took the call. */
  private void dropped(CampaignCall call) {
    run(
        () -> {
          Optional<Campaign> c = store.find(call.campaignId());
          Optional<Contact> k = store.contact(call.contactId());
          if (c.isPresent() && k.isPresent()) {
            Instant now = clock.instant();
            ContactChange retry =
                DialRules.retryOrClose(c.get(), k.get().attempts(), DialOutcome.NO_ANSWER, now);
            store.change(
                k.get().id(),
                new ContactChange(
                    retry.state(),
                    retry.due(),
                    null,
                    "hung up before an operator was free; " + retry.note()),
                now);
          }
        });
  }

  private interface Sql {
    void run() throws SQLException;
  }

  private static void run(Sql work) {
    try {
      work.run();
    } catch (SQLException e) {
      // The exception's class and state only: a message may quote a phone number.
      log.warn("campaign store write failed: {}", describe(e));
    }
  }

  /**
   * An exception's class, and SQL state for database errors: never its message, which may quote a
   * phone number.
   */
  private static String describe(Throwable e) {
    Throwable t =
        e instanceof java.util.concurrent.CompletionException && e.getCause() != null
            ? e.getCause()
            : e;
    return t instanceof SQLException sql
        ? t.getClass().getSimpleName() + " (SQL state " + sql.getSQLState() + ")"
        : t.getClass().getSimpleName();
  }
}
