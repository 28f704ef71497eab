package org.tawag.orders;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The row rules of a customer import, pure: each row's fields are checked ({@code fullName}, {@code
 * phone} as in {@link CustomerDraft}), and a phone that an earlier row of the same file had (after
 * E.164 normalisation) rejects the later row as a duplicate, naming the first line. A phone already
 * in the database is not an error: that customer is updated with the row's name.
 *
 * <p>At most {@link #MAX_ROWS} rows are taken; later rows are rejected. One import, one instance;
 * not thread-safe.
 */
public final class CustomerImport {
  /** Most rows one import takes. */
  public static final int MAX_ROWS = 100_000;

  private final OrderSettings settings;
  private final ImportReport report = new ImportReport();
  private final Map<String, Long> firstLineOfPhone = new HashMap<>();

  public CustomerImport(OrderSettings settings) {
    this.settings = settings;
  }

  /** The row at {@code line}, checked; empty (and reported) when it is rejected. */
  public Optional<CustomerDraft.Valid> accept(long line, String fullName, String phone) {
    report.read();
    if (report.rowsRead() > MAX_ROWS) {
      report.reject(line, "row", "more than " + MAX_ROWS + " rows in one import");
      return Optional.empty();
    }
    CustomerDraft.Valid valid;
    try {
      valid = new CustomerDraft(fullName, phone).validate(settings);
    } catch (ValidationException e) {
      boolean first = true;
      for (var err : e.errors().entrySet()) {
        if (first) {
          report.reject(line, err.getKey(), err.getValue());
          first = false;
        } else {
          report.alsoWrong(line, err.getKey(), err.getValue());
        }
      }
      return Optional.empty();
    }
    Long earlier = firstLineOfPhone.putIfAbsent(valid.phone(), line);
    if (earlier != null) {
      report.reject(line, "phone", "duplicates the phone of line " + earlier);
      return Optional.empty();
    }
    return Optional.of(valid);
  }

  /** A row the file itself got wrong (e.g. a wrong number of columns). */
  public void rejectRow(long line, String message) {
    report.read();
    report.reject(line, "row", message);
  }

  /** Counts what the store did with accepted rows. */
  public void stored(CustomerStore.Upsert outcome) {
    switch (outcome) {
      case CREATED -> report.created();
      case UPDATED -> report.updated();
      case UNCHANGED -> report.unchanged();
    }
  }

  /** The report so far. */
  public ImportReport report() {
    return report;
  }
}
