package org.tawag.campaigns;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.tawag.db.Transactions;
import org.tawag.orders.Customer;
import org.tawag.orders.CustomerRows;

/**
 * Campaigns, contacts, dial attempts and the do-not-call list in the database. Every method blocks:
 * call it on the dialer's thread or a JDBC worker, never on a SIP, media, ACD or Vert.x thread.
 *
 * <p>A contact is claimed for a dial by a conditional update on its state, so the progressive
 * dialer and operators taking preview contacts never dial the same contact twice.
 */
public final class JdbcCampaigns {
  private static final String CAMPAIGN_COLUMNS =
      "id, name, queue, mode, dial_ratio, trunk, caller_id, script, hours_from, hours_to,"
          + " time_zone, max_attempts, retry_no_answer_s, retry_busy_s, retry_failed_s,"
          + " ring_timeout_s, status";
  private static final String CONTACT_COLUMNS =
      "k.id, k.campaign_id, k.customer_id, k.phone, c.time_zone, k.state, k.attempts,"
          + " k.next_attempt_at, k.last_result, k.callback_agent, k.reserved_by, k.reserved_at";

  private final DataSource db;

  public JdbcCampaigns(DataSource db) {
    this.db = db;
  }

  // ---- campaigns ----

  /** Stores a new DRAFT campaign and returns it. */
  public Campaign create(CampaignDraft d, String by, Instant now) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO campaigns (name, queue, mode, dial_ratio, trunk, caller_id, script,"
                    + " hours_from, hours_to, time_zone, max_attempts, retry_no_answer_s,"
                    + " retry_busy_s, retry_failed_s, ring_timeout_s, status, created_by,"
                    + " created_at, updated_at) VALUES"
                    + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?)",
                new String[] {"id"})) {
      s.setString(1, d.name());
      s.setString(2, d.queue());
      s.setString(3, d.mode().code());
      s.setBigDecimal(4, d.ratio());
      s.setString(5, d.trunk());
      s.setString(6, d.callerId().orElse(null));
      s.setString(7, d.script());
      s.setObject(8, d.hours().from());
      s.setObject(9, d.hours().to());
      s.setString(10, d.zone().getId());
      s.setInt(11, d.retries().maxAttempts());
      s.setLong(12, d.retries().afterNoAnswer().toSeconds());
      s.setLong(13, d.retries().afterBusy().toSeconds());
      s.setLong(14, d.retries().afterFailed().toSeconds());
      s.setLong(15, d.ringTimeout().toSeconds());
      s.setString(16, by);
      setInstant(s, 17, now);
      setInstant(s, 18, now);
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return find(c, keys.getLong(1)).orElseThrow();
      }
    }
  }

  public Optional<Campaign> find(long id) throws SQLException {
    try (Connection c = db.getConnection()) {
      return find(c, id);
    }
  }

  private static Optional<Campaign> find(Connection c, long id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT " + CAMPAIGN_COLUMNS + " FROM campaigns WHERE id = ?")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(campaign(rs)) : Optional.empty();
      }
    }
  }

  /** Every campaign, newest first. */
  public List<Campaign> list() throws SQLException {
    return campaigns("SELECT " + CAMPAIGN_COLUMNS + " FROM campaigns ORDER BY id DESC");
  }

  /** The campaigns that dial now. */
  public List<Campaign> running() throws SQLException {
    return campaigns(
        "SELECT " + CAMPAIGN_COLUMNS + " FROM campaigns WHERE status = 'running' ORDER BY id");
  }

  private List<Campaign> campaigns(String sql) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      List<Campaign> out = new ArrayList<>();
      while (rs.next()) {
        out.add(campaign(rs));
      }
      return out;
    }
  }

  /** Sets the status; false when there is no such campaign. */
  public boolean setStatus(long id, Campaign.Status status, Instant now) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("UPDATE campaigns SET status = ?, updated_at = ? WHERE id = ?")) {
      s.setString(1, status.code());
      setInstant(s, 2, now);
      s.setLong(3, id);
      return s.executeUpdate() == 1;
    }
  }

  /** Whether a campaign has this name. */
  public boolean nameTaken(String name) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT 1 FROM campaigns WHERE name = ?")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static Campaign campaign(ResultSet rs) throws SQLException {
    return new Campaign(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("queue"),
        Campaign.Mode.fromCode(rs.getString("mode")).orElseThrow(),
        rs.getBigDecimal("dial_ratio"),
        rs.getString("trunk"),
        Optional.ofNullable(rs.getString("caller_id")),
        rs.getString("script"),
        new CallingHours(
            rs.getObject("hours_from", LocalTime.class), rs.getObject("hours_to", LocalTime.class)),
        ZoneId.of(rs.getString("time_zone")),
        new RetryRules(
            rs.getInt("max_attempts"),
            Duration.ofSeconds(rs.getLong("retry_no_answer_s")),
            Duration.ofSeconds(rs.getLong("retry_busy_s")),
            Duration.ofSeconds(rs.getLong("retry_failed_s"))),
        Duration.ofSeconds(rs.getLong("ring_timeout_s")),
        Campaign.Status.fromCode(rs.getString("status")).orElseThrow());
  }

  // ---- the target list ----

  /**
   * Adds customers to the campaign by import: each found by phone or created, its time zone set
   * when given. A customer already in the campaign is counted, not added twice.
   */
  public Added addImported(long campaignId, List<NewContact> contacts, Instant now)
      throws SQLException {
    return Transactions.run(
        db,
        c -> {
          int added = 0;
          for (NewContact n : contacts) {
            Customer customer = CustomerRows.upsert(c, n.fullName(), n.phone(), now);
            if (n.zone().isPresent()) {
              try (PreparedStatement s =
                  c.prepareStatement("UPDATE customers SET time_zone = ? WHERE id = ?")) {
                s.setString(1, n.zone().get().getId());
                s.setLong(2, customer.id());
                s.executeUpdate();
              }
            }
            added += addCustomer(c, campaignId, customer.id(), n.phone(), now) ? 1 : 0;
          }
          return new Added(added, contacts.size() - added);
        });
  }

  /**
   * Adds the customers whose calls, in or out, were closed as refused with {@code reason} since
   * {@code since}: "call again those who found it too expensive, now that it is cheaper".
   */
  public Added addRefusals(long campaignId, String reason, Instant since, Instant now)
      throws SQLException {
    return Transactions.run(
        db,
        c -> {
          record Found(long id, String phone) {}
          List<Found> found = new ArrayList<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT DISTINCT u.id, u.phone FROM customers u WHERE EXISTS (SELECT 1 FROM"
                      + " calls k WHERE k.disposition = ? AND k.arrived_at >= ? AND"
                      + " ((k.direction = 'in' AND k.caller = u.phone) OR (k.direction = 'out'"
                      + " AND k.dialled = u.phone))) OR EXISTS (SELECT 1 FROM campaign_contacts p"
                      + " WHERE p.customer_id = u.id AND p.outcome = 'refused' AND"
                      + " p.refusal_reason = ? AND p.updated_at >= ?) ORDER BY u.id")) {
            s.setString(1, "refused:" + reason);
            setInstant(s, 2, since);
            s.setString(3, reason);
            setInstant(s, 4, since);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                found.add(new Found(rs.getLong(1), rs.getString(2)));
              }
            }
          }
          int added = 0;
          for (Found f : found) {
            added += addCustomer(c, campaignId, f.id(), f.phone(), now) ? 1 : 0;
          }
          return new Added(added, found.size() - added);
        });
  }

  /**
   * Adds existing customers by id.
   *
   * @throws UnknownCustomerException for an id that names no customer (nothing is added then)
   */
  public Added addCustomers(long campaignId, List<Long> customerIds, Instant now)
      throws SQLException {
    return Transactions.run(
        db,
        c -> {
          int added = 0;
          for (long id : customerIds) {
            String phone;
            try (PreparedStatement s =
                c.prepareStatement("SELECT phone FROM customers WHERE id = ?")) {
              s.setLong(1, id);
              try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                  throw new UnknownCustomerException(id);
                }
                phone = rs.getString(1);
              }
            }
            added += addCustomer(c, campaignId, id, phone, now) ? 1 : 0;
          }
          return new Added(added, customerIds.size() - added);
        });
  }

  private static boolean addCustomer(
      Connection c, long campaignId, long customerId, String phone, Instant now)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT 1 FROM campaign_contacts WHERE campaign_id = ? AND customer_id = ?")) {
      s.setLong(1, campaignId);
      s.setLong(2, customerId);
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          return false;
        }
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO campaign_contacts (campaign_id, customer_id, phone, state, attempts,"
                + " created_at, updated_at) VALUES (?, ?, ?, 'pending', 0, ?, ?)")) {
      s.setLong(1, campaignId);
      s.setLong(2, customerId);
      s.setString(3, phone);
      setInstant(s, 4, now);
      setInstant(s, 5, now);
      s.executeUpdate();
      return true;
    }
  }

  /** How many customers an import added, and how many were already in the campaign. */
  public record Added(int added, int alreadyIn) {}

  /** A customer id that names no customer. */
  public static final class UnknownCustomerException extends RuntimeException {
    private final long id;

    UnknownCustomerException(long id) {
      super("no customer " + id);
      this.id = id;
    }

    public long id() {
      return id;
    }
  }

  // ---- dialling ----

  /**
   * Open contacts of the campaign due at {@code now} and held by nobody else: callbacks promised by
   * {@code agent} first, then other callbacks (they were promised), then the longest due, then in
   * list order.
   *
   * @param agent the operator asking (preview), or {@code null} for the dialer
   */
  public List<Contact> due(long campaignId, String agent, Instant now, int limit)
      throws SQLException {
    return contacts(
        "WHERE k.campaign_id = ? AND k.state IN ('pending', 'callback')"
            + " AND (k.next_attempt_at IS NULL OR k.next_attempt_at <= ?)"
            + " AND (k.reserved_at IS NULL OR k.reserved_at < ? OR k.reserved_by = ?)"
            + " ORDER BY CASE WHEN k.state = 'callback' AND k.callback_agent = ? THEN 0"
            + " WHEN k.state = 'callback' THEN 1 ELSE 2 END,"
            + " k.next_attempt_at NULLS FIRST, k.id LIMIT ?",
        s -> {
          s.setLong(1, campaignId);
          setInstant(s, 2, now);
          setInstant(s, 3, now.minus(Contact.HOLD));
          s.setString(4, agent);
          s.setString(5, agent);
          s.setInt(6, limit);
        });
  }

  /**
   * Holds an open contact for {@code agent} to preview; false when it moved on or someone else
   * holds it.
   */
  public boolean hold(Contact k, String agent, Instant now) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE campaign_contacts SET reserved_by = ?, reserved_at = ?, updated_at = ?"
                    + " WHERE id = ? AND state = ? AND (reserved_at IS NULL OR reserved_at < ?"
                    + " OR reserved_by = ?)")) {
      s.setString(1, agent);
      setInstant(s, 2, now);
      setInstant(s, 3, now);
      s.setLong(4, k.id());
      s.setString(5, k.state().code());
      setInstant(s, 6, now.minus(Contact.HOLD));
      s.setString(7, agent);
      return s.executeUpdate() == 1;
    }
  }

  /** Lets go of a contact {@code agent} holds, noting why; false when they did not hold it. */
  public boolean release(long contactId, String agent, String note, Instant now)
      throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE campaign_contacts SET reserved_by = NULL, reserved_at = NULL, note = ?,"
                    + " updated_at = ? WHERE id = ? AND reserved_by = ? AND state IN"
                    + " ('pending', 'callback')")) {
      s.setString(1, clip(note, 500));
      setInstant(s, 2, now);
      s.setLong(3, contactId);
      s.setString(4, agent);
      return s.executeUpdate() == 1;
    }
  }

  /** A customer's full name (personal data: for the operator's preview only). */
  public Optional<String> customerName(long customerId) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT full_name FROM customers WHERE id = ?")) {
      s.setLong(1, customerId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** The contact of an id. */
  public Optional<Contact> contact(long id) throws SQLException {
    return contacts("WHERE k.id = ?", s -> s.setLong(1, id)).stream().findFirst();
  }

  /** The contact dialled by the call {@code callId}, if a campaign placed it. */
  public Optional<Contact> contactOfCall(String callId) throws SQLException {
    return contacts(
            "JOIN dial_attempts a ON a.contact_id = k.id WHERE a.call_id = ?",
            s -> s.setString(1, callId))
        .stream()
        .findFirst();
  }

  /** Binds a statement's parameters. */
  private interface Binder {
    void bind(PreparedStatement s) throws SQLException;
  }

  /** Contacts with their customers' time zones, selected by {@code tail} (joins, where, order). */
  private List<Contact> contacts(String tail, Binder binder) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT "
                    + CONTACT_COLUMNS
                    + " FROM campaign_contacts k JOIN customers c ON c.id = k.customer_id "
                    + tail)) {
      binder.bind(s);
      return contacts(s);
    }
  }

  private static List<Contact> contacts(PreparedStatement s) throws SQLException {
    List<Contact> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        String zone = rs.getString("time_zone");
        String last = rs.getString("last_result");
        String heldBy = rs.getString("reserved_by");
        Instant heldAt = instant(rs, "reserved_at");
        out.add(
            new Contact(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getLong("customer_id"),
                rs.getString("phone"),
                Optional.ofNullable(zone).map(ZoneId::of),
                Contact.State.fromCode(rs.getString("state")),
                rs.getInt("attempts"),
                Optional.ofNullable(instant(rs, "next_attempt_at")),
                Optional.ofNullable(last).map(l -> DialOutcome.valueOf(l.toUpperCase())),
                Optional.ofNullable(rs.getString("callback_agent")),
                heldBy == null || heldAt == null
                    ? Optional.empty()
                    : Optional.of(new Contact.Hold(heldBy, heldAt))));
      }
    }
    return out;
  }

  /**
   * Claims an open contact for a dial and stores the attempt with its reason: the contact becomes
   * DIALING with one more attempt. Empty when someone else claimed it first.
   *
   * @param agent the operator dialling a preview contact, or {@code null} for the dialer
   */
  public Optional<Long> startAttempt(Contact k, String reason, String agent, Instant now)
      throws SQLException {
    return Transactions.run(
        db,
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE campaign_contacts SET state = 'dialing', attempts = attempts + 1,"
                      + " reserved_by = ?, reserved_at = NULL, updated_at = ? WHERE id = ?"
                      + " AND state = ?")) {
            s.setString(1, agent);
            setInstant(s, 2, now);
            s.setLong(3, k.id());
            s.setString(4, k.state().code());
            if (s.executeUpdate() != 1) {
              // Claimed by someone else meanwhile: nothing was changed.
              return Optional.empty();
            }
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO dial_attempts (campaign_id, contact_id, attempt, at, agent,"
                      + " reason) VALUES (?, ?, ?, ?, ?, ?)",
                  new String[] {"id"})) {
            s.setLong(1, k.campaignId());
            s.setLong(2, k.id());
            s.setInt(3, k.attempts() + 1);
            setInstant(s, 4, now);
            s.setString(5, agent);
            s.setString(6, clip(reason, 1000));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
              keys.next();
              return Optional.of(keys.getLong(1));
            }
          }
        });
  }

  /** Notes the call id of a placed dial, which links the attempt to {@code calls}. */
  public void attemptPlaced(long attemptId, String callId) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("UPDATE dial_attempts SET call_id = ? WHERE id = ?")) {
      s.setString(1, callId);
      s.setLong(2, attemptId);
      s.executeUpdate();
    }
  }

  /** Stores how a dial ended and what it does to its contact. */
  public void attemptEnded(
      long attemptId,
      long contactId,
      DialOutcome result,
      int sipStatus,
      ContactChange change,
      Instant now)
      throws SQLException {
    Transactions.run(
        db,
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE dial_attempts SET result = ?, sip_status = ?, ended_at = ?"
                      + " WHERE id = ?")) {
            s.setString(1, result.code());
            if (sipStatus > 0) {
              s.setInt(2, sipStatus);
            } else {
              s.setNull(2, Types.INTEGER);
            }
            setInstant(s, 3, now);
            s.setLong(4, attemptId);
            s.executeUpdate();
          }
          change(c, contactId, change, now);
          return null;
        });
  }

  /** Moves a contact without a dial: held back until a time, or closed (DNC, exhausted). */
  public void change(long contactId, ContactChange change, Instant now) throws SQLException {
    try (Connection c = db.getConnection()) {
      change(c, contactId, change, now);
    }
  }

  private static void change(Connection c, long contactId, ContactChange change, Instant now)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE campaign_contacts SET state = ?, next_attempt_at = ?,"
                + " last_result = COALESCE(?, last_result), note = ?, reserved_by = NULL,"
                + " reserved_at = NULL,"
                + " updated_at = ? WHERE id = ?")) {
      s.setString(1, change.state().code());
      setInstant(s, 2, change.due());
      s.setString(3, change.lastResult() == null ? null : change.lastResult().code());
      s.setString(4, clip(change.note(), 500));
      setInstant(s, 5, now);
      s.setLong(6, contactId);
      s.executeUpdate();
    }
  }

  /**
   * Applies an operator's disposition to the contact, and puts its number on the do-not-call list
   * when the customer asked for it.
   */
  public void close(
      Contact contact, ContactClosing closing, String orderId, String agent, Instant now)
      throws SQLException {
    Transactions.run(
        db,
        c -> {
          change(c, contact.id(), closing.change(), now);
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE campaign_contacts SET outcome = COALESCE(?, outcome),"
                      + " refusal_reason = COALESCE(?, refusal_reason),"
                      + " order_id = COALESCE(?, order_id), callback_agent = ? WHERE id = ?")) {
            s.setString(1, closing.outcome());
            s.setString(2, closing.refusalReason());
            s.setString(3, orderId);
            s.setString(4, closing.callbackAgent());
            s.setLong(5, contact.id());
            s.executeUpdate();
          }
          if (closing.doNotCall()) {
            addDoNotCall(
                c,
                contact.phone(),
                agent,
                "asked on a call of campaign #" + contact.campaignId(),
                now);
          }
          return null;
        });
  }

  // ---- do not call ----

  public boolean onDoNotCallList(String phone) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT 1 FROM do_not_call WHERE phone = ?")) {
      s.setString(1, phone);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Adds a number; false when it was on the list already. */
  public boolean addDoNotCall(String phone, String by, String source, Instant now)
      throws SQLException {
    try (Connection c = db.getConnection()) {
      return addDoNotCall(c, phone, by, source, now);
    }
  }

  private static boolean addDoNotCall(
      Connection c, String phone, String by, String source, Instant now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM do_not_call WHERE phone = ?")) {
      s.setString(1, phone);
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          return false;
        }
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO do_not_call (phone, added_at, added_by, source) VALUES (?, ?, ?, ?)")) {
      s.setString(1, phone);
      setInstant(s, 2, now);
      s.setString(3, by);
      s.setString(4, clip(source, 200));
      s.executeUpdate();
      return true;
    }
  }

  /** Removes a number; false when it was not on the list. */
  public boolean removeDoNotCall(String phone) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement("DELETE FROM do_not_call WHERE phone = ?")) {
      s.setString(1, phone);
      return s.executeUpdate() == 1;
    }
  }

  /** The list, newest first, a page at a time. */
  public List<DoNotCall> doNotCallList(int limit, int offset) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT phone, added_at, added_by, source FROM do_not_call"
                    + " ORDER BY added_at DESC, phone LIMIT ? OFFSET ?")) {
      s.setInt(1, limit);
      s.setInt(2, offset);
      List<DoNotCall> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(
              new DoNotCall(
                  rs.getString(1), instant(rs, "added_at"), rs.getString(3), rs.getString(4)));
        }
      }
      return out;
    }
  }

  /** A number on the do-not-call list. */
  public record DoNotCall(String phone, Instant addedAt, String addedBy, String source) {}

  // ---- reports ----

  /** A campaign's contacts with their customers, a page at a time, in list order. */
  public List<ContactRow> contactRows(long campaignId, int limit, int offset) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT k.id, k.customer_id, u.full_name, k.phone, k.state, k.attempts,"
                    + " k.next_attempt_at, k.last_result, k.outcome, k.refusal_reason, k.order_id,"
                    + " k.callback_agent, k.note FROM campaign_contacts k JOIN customers u"
                    + " ON u.id = k.customer_id WHERE k.campaign_id = ? ORDER BY k.id"
                    + " LIMIT ? OFFSET ?")) {
      s.setLong(1, campaignId);
      s.setInt(2, limit);
      s.setInt(3, offset);
      List<ContactRow> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(
              new ContactRow(
                  rs.getLong("id"),
                  rs.getLong("customer_id"),
                  rs.getString("full_name"),
                  rs.getString("phone"),
                  rs.getString("state"),
                  rs.getInt("attempts"),
                  instant(rs, "next_attempt_at"),
                  rs.getString("last_result"),
                  rs.getString("outcome"),
                  rs.getString("refusal_reason"),
                  rs.getString("order_id"),
                  rs.getString("callback_agent"),
                  rs.getString("note")));
        }
      }
      return out;
    }
  }

  /** A contact as the campaign report lists it (personal data: supervisors only). */
  public record ContactRow(
      long id,
      long customerId,
      String fullName,
      String phone,
      String state,
      int attempts,
      Instant due,
      String lastResult,
      String outcome,
      String refusalReason,
      String orderId,
      String callbackAgent,
      String note) {}

  /** Every dial of a contact, oldest first. */
  public List<Attempt> attempts(long contactId) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT attempt, at, agent, reason, call_id, result, sip_status, ended_at"
                    + " FROM dial_attempts WHERE contact_id = ? ORDER BY attempt")) {
      s.setLong(1, contactId);
      List<Attempt> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          int status = rs.getInt("sip_status");
          out.add(
              new Attempt(
                  rs.getInt("attempt"),
                  instant(rs, "at"),
                  rs.getString("agent"),
                  rs.getString("reason"),
                  rs.getString("call_id"),
                  rs.getString("result"),
                  rs.wasNull() ? 0 : status,
                  instant(rs, "ended_at")));
        }
      }
      return out;
    }
  }

  /** One dial attempt as stored. */
  public record Attempt(
      int attempt,
      Instant at,
      String agent,
      String reason,
      String callId,
      String result,
      int sipStatus,
      Instant endedAt) {}

  /** Contacts per state, for the campaign's progress. */
  public java.util.Map<String, Integer> progress(long campaignId) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT state, COUNT(*) FROM campaign_contacts WHERE campaign_id = ?"
                    + " GROUP BY state")) {
      s.setLong(1, campaignId);
      java.util.Map<String, Integer> out = new java.util.TreeMap<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getInt(2));
        }
      }
      return out;
    }
  }

  // ---- types ----

  private static void setInstant(PreparedStatement s, int i, Instant value) throws SQLException {
    if (value == null) {
      s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      s.setObject(i, value.atOffset(ZoneOffset.UTC));
    }
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
