package org.tawag.acd;

import java.time.Duration;

/**
 * One queue's routing options, after Asterisk's {@code queues.conf} and FreeSWITCH's
 * mod_callcenter.
 *
 * @param name unique queue name
 * @param strategy how a free member is picked
 * @param offerTimeout how long an agent rings before it counts as no answer (positive)
 * @param wrapUp after-call work time before the agent is AVAILABLE again (zero: none)
 * @param maxWait how long a call may wait before it overflows (zero: for ever)
 * @param maxLength most calls in the queue, waiting or ringing; more are rejected (zero: no limit)
 * @param overflow where a call goes on {@code maxWait} or with nobody logged in
 * @param whenNoAgents what an arriving call does when no member is logged in
 * @param serviceLevel answered-within threshold for the service-level count (positive)
 * @param announceEvery period of position announcements while waiting (zero: never)
 */
public record QueueSpec(
    String name,
    Strategy strategy,
    Duration offerTimeout,
    Duration wrapUp,
    Duration maxWait,
    int maxLength,
    Overflow overflow,
    WhenNoAgents whenNoAgents,
    Duration serviceLevel,
    Duration announceEvery) {

  /** Default ring time per offer: 15 s, as FreeSWITCH's {@code max-no-answer} rings. */
  public static final Duration DEFAULT_OFFER_TIMEOUT = Duration.ofSeconds(15);

  /** Default wrap-up: 10 s. */
  public static final Duration DEFAULT_WRAP_UP = Duration.ofSeconds(10);

  /** Default service-level threshold: 20 s (the common 80/20 target). */
  public static final Duration DEFAULT_SERVICE_LEVEL = Duration.ofSeconds(20);

  /** Checks every field; the message names the field, the queue and the value. */
  public QueueSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("queue name must not be blank: " + name);
    }
    require(strategy != null, name, "strategy", strategy);
    require(positive(offerTimeout), name, "offerTimeout", offerTimeout);
    require(notNegative(wrapUp), name, "wrapUp", wrapUp);
    require(notNegative(maxWait), name, "maxWait", maxWait);
    require(maxLength >= 0, name, "maxLength", maxLength);
    require(overflow != null, name, "overflow", overflow);
    require(whenNoAgents != null, name, "whenNoAgents", whenNoAgents);
    require(positive(serviceLevel), name, "serviceLevel", serviceLevel);
    require(notNegative(announceEvery), name, "announceEvery", announceEvery);
  }

  /** A queue with the defaults: no max wait or length, hang-up overflow, wait, no announcements. */
  public static QueueSpec of(String name, Strategy strategy) {
    return new QueueSpec(
        name,
        strategy,
        DEFAULT_OFFER_TIMEOUT,
        DEFAULT_WRAP_UP,
        Duration.ZERO,
        0,
        new Overflow.HangUp(),
        WhenNoAgents.WAIT,
        DEFAULT_SERVICE_LEVEL,
        Duration.ZERO);
  }

  /** This queue with another offer timeout. */
  public QueueSpec withOfferTimeout(Duration d) {
    return new QueueSpec(
        name,
        strategy,
        d,
        wrapUp,
        maxWait,
        maxLength,
        overflow,
        whenNoAgents,
        serviceLevel,
        announceEvery);
  }

  /** This queue with another wrap-up time. */
  public QueueSpec withWrapUp(Duration d) {
    return new QueueSpec(
        name,
        strategy,
        offerTimeout,
        d,
        maxWait,
        maxLength,
        overflow,
        whenNoAgents,
        serviceLevel,
        announceEvery);
  }

  /** This queue with another max wait and overflow. */
  public QueueSpec withMaxWait(Duration d, Overflow o) {
    return new QueueSpec(
        name,
        strategy,
        offerTimeout,
        wrapUp,
        d,
        maxLength,
        o,
        whenNoAgents,
        serviceLevel,
        announceEvery);
  }

  /** This queue with another max length. */
  public QueueSpec withMaxLength(int n) {
    return new QueueSpec(
        name,
        strategy,
        offerTimeout,
        wrapUp,
        maxWait,
        n,
        overflow,
        whenNoAgents,
        serviceLevel,
        announceEvery);
  }

  /** This queue with another no-agent rule and overflow. */
  public QueueSpec withWhenNoAgents(WhenNoAgents w, Overflow o) {
    return new QueueSpec(
        name,
        strategy,
        offerTimeout,
        wrapUp,
        maxWait,
        maxLength,
        o,
        w,
        serviceLevel,
        announceEvery);
  }

  /** This queue with another service-level threshold. */
  public QueueSpec withServiceLevel(Duration d) {
    return new QueueSpec(
        name,
        strategy,
        offerTimeout,
        wrapUp,
        maxWait,
        maxLength,
        overflow,
        whenNoAgents,
        d,
        announceEvery);
  }

  /** This queue with another announcement period. */
  public QueueSpec withAnnounceEvery(Duration d) {
    return new QueueSpec(
        name,
        strategy,
        offerTimeout,
        wrapUp,
        maxWait,
        maxLength,
        overflow,
        whenNoAgents,
        serviceLevel,
        d);
  }

  private static boolean positive(Duration d) {
    return d != null && d.compareTo(Duration.ZERO) > 0;
  }

  private static boolean notNegative(Duration d) {
    return d != null && !d.isNegative();
  }

  private static void require(boolean ok, String queue, String field, Object value) {
    if (!ok) {
      throw new IllegalArgumentException("queue " + queue + ": bad " + field + ": " + value);
    }
  }
}
