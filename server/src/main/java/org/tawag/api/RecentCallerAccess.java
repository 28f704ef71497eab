package org.tawag.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.tawag.db.Database;
import org.tawag.db.JdbcWorkers;
import org.tawag.orders.PhoneNumbers;
import org.tawag.orders.RecentCalls;

/**
 * {@link CallerAccess} from what the desk knows: the caller of the operator's connected call (asked
 * of the live queue service), else a call record with the operator as agent that ended less than
 * {@link #DEFAULT_WINDOW} ago. Call records keep the number as the trunk sent it, so every form a
 * trunk may send is matched.
 */
public final class RecentCallerAccess implements CallerAccess {
  /** How long after a call ends its operator may still read the caller's customer data. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

  private final Function<String, Optional<String>> connectedCaller;
  private final Database database;
  private final JdbcWorkers workers;
  private final String countryCode;
  private final Clock clock;

  /**
   * @param connectedCaller the caller number (as received) of the call an agent is on now
   */
  public RecentCallerAccess(
      Function<String, Optional<String>> connectedCaller,
      Database database,
      JdbcWorkers workers,
      String countryCode,
      Clock clock) {
    this.connectedCaller = connectedCaller;
    this.database = database;
    this.workers = workers;
    this.countryCode = countryCode;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<Boolean> isCallerOf(String username, String phoneE164) {
    Optional<String> live =
        connectedCaller.apply(username).flatMap(n -> PhoneNumbers.normalise(n, countryCode));
    if (live.isPresent() && live.get().equals(phoneE164)) {
      return CompletableFuture.completedFuture(true);
    }
    Set<String> forms = RecentCalls.callerForms(phoneE164, null, countryCode);
    String params = String.join(", ", Collections.nCopies(forms.size(), "?"));
    var since = clock.instant().minus(DEFAULT_WINDOW).atOffset(ZoneOffset.UTC);
    return workers.submit(
        () -> {
          try (Connection c = database.connection();
              PreparedStatement s =
                  c.prepareStatement(
                      "SELECT 1 FROM calls WHERE agent = ? AND caller IN ("
                          + params
                          + ") AND (ended_at IS NULL OR ended_at >= ?) LIMIT 1")) {
            int i = 1;
            s.setString(i++, username);
            for (String f : forms) {
              s.setString(i++, f);
            }
            s.setObject(i, since);
            try (ResultSet rs = s.executeQuery()) {
              return rs.next();
            }
          }
        });
  }
}
