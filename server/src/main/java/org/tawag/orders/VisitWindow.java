package org.tawag.orders;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time of day a technician is expected, {@code HH:MM-HH:MM} with start before end, e.g. {@code
 * 09:00-12:00}. Local time of the visit's place, as the operator agreed it with the customer.
 */
public record VisitWindow(LocalTime start, LocalTime end) {
  private static final Pattern FORMAT = Pattern.compile("(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");

  /** Checks the window is not empty. */
  public VisitWindow {
    if (start == null || end == null || !start.isBefore(end)) {
      throw new IllegalArgumentException(
          "visit window start must be before end but was " + start + "-" + end);
    }
  }

  /** The window written as {@code HH:MM-HH:MM}, or empty if it is not one or is empty. */
  public static Optional<VisitWindow> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      LocalTime start = LocalTime.parse(m.group(1));
      LocalTime end = LocalTime.parse(m.group(2));
      return start.isBefore(end) ? Optional.of(new VisitWindow(start, end)) : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** {@code HH:MM-HH:MM}. */
  @Override
  public String toString() {
    return start + "-" + end;
  }
}
