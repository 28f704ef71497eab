package org.tawag.campaigns;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * A campaign as stored.
 *
 * @param queue the ACD queue whose members take the answered customers
 * @param ratio progressive dialing: calls placed per free operator (1 to 5)
 * @param callerId the user part of From, or empty for the trunk's own
 * @param script what the operator reads, shown beside the call
 * @param zone the time zone of contacts whose customer has none
 * @param ringTimeout how long a dial may ring before it counts as no answer
 */
public record Campaign(
    long id,
    String name,
    String queue,
    Mode mode,
    BigDecimal ratio,
    String trunk,
    Optional<String> callerId,
    String script,
    CallingHours hours,
    ZoneId zone,
    RetryRules retries,
    Duration ringTimeout,
    Status status) {

  /** How contacts are dialled. */
  public enum Mode {
    /** An operator takes the next contact, reads it, then dials. */
    PREVIEW,
    /** The dialer calls as operators of the queue become free, {@code ratio} per free operator. */
    PROGRESSIVE;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The mode of a code, or empty. */
    public static Optional<Mode> fromCode(String code) {
      for (Mode m : values()) {
        if (m.code().equals(code)) {
          return Optional.of(m);
        }
      }
      return Optional.empty();
    }
  }

  /** Where a campaign is in its life. Only RUNNING campaigns dial. */
  public enum Status {
    DRAFT,
    RUNNING,
    PAUSED,
    FINISHED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The status of a code, or empty. */
    public static Optional<Status> fromCode(String code) {
      for (Status s : values()) {
        if (s.code().equals(code)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }
  }

  /** How many calls to have in progress for {@code freeOperators} (progressive dialing). */
  public int callsFor(int freeOperators) {
    return ratio.multiply(BigDecimal.valueOf(freeOperators)).intValue();
  }
}
