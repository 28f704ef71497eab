package org.tawag.campaigns;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Preview dialing: an operator takes the next due contact of a running preview campaign of one of
 * their queues, reads it, then dials it or skips it. The contact is held for that operator
 * meanwhile ({@link Contact#HOLD}), and the dial passes the same {@link DialRules} as any other, at
 * the moment of dialling. Blocking: call on a JDBC worker.
 */
public final class PreviewDesk {
  private final JdbcCampaigns store;
  private final CampaignDialer dialer;
  private final OperatorDialer operators;
  private final Function<String, Set<String>> queuesOf;
  private final Clock clock;

  /**
   * @param queuesOf the queues an operator is a member of
   */
  public PreviewDesk(
      JdbcCampaigns store,
      CampaignDialer dialer,
      OperatorDialer operators,
      Function<String, Set<String>> queuesOf,
      Clock clock) {
    this.store = store;
    this.dialer = dialer;
    this.operators = operators;
    this.queuesOf = queuesOf;
    this.clock = clock;
  }

  /** A request the desk turns down, with the HTTP status and the words to show. */
  public static final class Refused extends Exception {
    private final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /** A contact held for an operator to read before dialling. */
  public record Card(Campaign campaign, Contact contact, String fullName) {}

  /** The running preview campaigns of the operator's queues. */
  public List<Campaign> campaigns(String agent) throws SQLException {
    Set<String> queues = queuesOf.apply(agent);
    List<Campaign> out = new ArrayList<>();
    for (Campaign c : store.running()) {
      if (c.mode() == Campaign.Mode.PREVIEW && queues.contains(c.queue())) {
        out.add(c);
      }
    }
    return out;
  }

  /** Holds the next dialable contact of the campaign for {@code agent}; empty when none is due. */
  public Optional<Card> next(long campaignId, String agent) throws SQLException, Refused {
    Campaign c = campaign(campaignId, agent);
    Instant now = clock.instant();
    for (Contact k : store.due(c.id(), agent, now, 20)) {
      DialDecision d = DialRules.decide(c, k, store.onDoNotCallList(k.phone()), now);
      if (d instanceof DialDecision.Dial) {
        if (store.hold(k, agent, now)) {
          Contact held = store.contact(k.id()).orElseThrow();
          return Optional.of(new Card(c, held, store.customerName(k.customerId()).orElse("")));
        }
      } else if (d instanceof DialDecision.Wait w) {
        store.change(k.id(), new ContactChange(k.state(), w.until(), null, w.reason()), now);
      } else if (d instanceof DialDecision.Close close) {
        store.change(k.id(), new ContactChange(close.state(), null, null, close.reason()), now);
      }
    }
    return Optional.empty();
  }

  /**
   * Dials the contact {@code agent} holds, if the rules still allow it now (the list or the hours
   * may have changed while they read); the call reaches the operator's softphone like any dial.
   */
  public void dial(long contactId, String agent) throws SQLException, Refused {
    Contact k = held(contactId, agent);
    Campaign c = campaign(k.campaignId(), agent);
    Instant now = clock.instant();
    DialDecision d = DialRules.decide(c, k, store.onDoNotCallList(k.phone()), now);
    if (d instanceof DialDecision.Wait w) {
      store.change(k.id(), new ContactChange(k.state(), w.until(), null, w.reason()), now);
      throw new Refused(409, "not now: " + w.reason());
    }
    if (d instanceof DialDecision.Close close) {
      store.change(k.id(), new ContactChange(close.state(), null, null, close.reason()), now);
      throw new Refused(409, "never: " + close.reason());
    }
    long attempt =
        store
            .startAttempt(k, d.reason(), agent, now)
            .orElseThrow(() -> new Refused(409, "the contact moved on meanwhile"));
    dialer.dialForOperator(operators, c, k, attempt, agent);
  }

  /** Lets go of a held contact without dialling it; others may take it at once. */
  public void skip(long contactId, String agent) throws SQLException, Refused {
    held(contactId, agent);
    store.release(contactId, agent, "skipped by " + agent, clock.instant());
  }

  private Campaign campaign(long id, String agent) throws SQLException, Refused {
    Campaign c = store.find(id).orElseThrow(() -> new Refused(404, "no such campaign"));
    if (c.mode() != Campaign.Mode.PREVIEW || c.status() != Campaign.Status.RUNNING) {
      throw new Refused(409, "the campaign is not a running preview campaign");
    }
    if (!queuesOf.apply(agent).contains(c.queue())) {
      throw new Refused(403, "you are not a member of the campaign's queue " + c.queue());
    }
    return c;
  }

  private Contact held(long contactId, String agent) throws SQLException, Refused {
    Contact k = store.contact(contactId).orElseThrow(() -> new Refused(404, "no such contact"));
    if (k.hold().isEmpty() || !k.hold().get().agent().equals(agent) || !k.state().open()) {
      throw new Refused(409, "you do not hold this contact; take the next one");
    }
    return k;
  }
}
