package org.tawag.orders;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Binding and reading the column types the order tables use, the same on H2 and PostgreSQL. */
final class Sql {
  /** SQLSTATE of a unique key violation on both databases. */
  static final String UNIQUE_VIOLATION = "23505";

  private Sql() {}

  static void setInstant(PreparedStatement s, int i, Instant value) throws SQLException {
    if (value == null) {
      s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      s.setObject(i, value.atOffset(ZoneOffset.UTC));
    }
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static void setDate(PreparedStatement s, int i, LocalDate value) throws SQLException {
    if (value == null) {
      s.setNull(i, Types.DATE);
    } else {
      s.setObject(i, value);
    }
  }

  static LocalDate date(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }

  static void setAmount(PreparedStatement s, int i, BigDecimal value) throws SQLException {
    if (value == null) {
      s.setNull(i, Types.NUMERIC);
    } else {
      s.setBigDecimal(i, value);
    }
  }
}
