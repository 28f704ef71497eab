package org.tawag.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a caller's last calls from {@code calls}. The call log keeps the caller number as the trunk
 * sent it, so one number is looked up in each of the forms a trunk may send: E.164, digits without
 * {@code +}, with {@code 00}, national with {@code 0}, and as received.
 */
public final class RecentCalls {
  private RecentCalls() {}

  /** The forms of {@code e164} a trunk may have sent, and {@code raw} itself. */
  public static Set<String> callerForms(String e164, String raw, String countryCode) {
    String digits = e164.substring(1);
    Set<String> forms = new LinkedHashSet<>();
    forms.add(e164);
    forms.add(digits);
    forms.add("00" + digits);
    if (digits.startsWith(countryCode)) {
      forms.add("0" + digits.substring(countryCode.length()));
    }
    if (raw != null && !raw.isBlank()) {
      forms.add(raw.strip());
    }
    return forms;
  }

  /** The last {@code limit} calls from any of {@code callers}, newest first. */
  static List<CallSummary> of(Connection c, Set<String> callers, int limit) throws SQLException {
    String params = String.join(", ", Collections.nCopies(callers.size(), "?"));
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, arrived_at, queue, agent, outcome, order_id, disposition FROM calls"
                + " WHERE caller IN ("
                + params
                + ") ORDER BY arrived_at DESC, id DESC LIMIT ?")) {
      int i = 1;
      for (String caller : callers) {
        s.setString(i++, caller);
      }
      s.setInt(i, limit);
      List<CallSummary> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(
              new CallSummary(
                  rs.getString("id"),
                  Sql.instant(rs, "arrived_at"),
                  rs.getString("queue"),
                  rs.getString("agent"),
                  rs.getString("outcome"),
                  rs.getString("order_id"),
                  rs.getString("disposition")));
        }
      }
      return out;
    }
  }
}
