package org.tawag.orders;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a customer import did: rows read, customers created, existing customers updated (same phone:
 * the file's name wins), rows rejected, and the first {@link #MAX_ERRORS} row errors by line and
 * field. Filled by one import, then read; not thread-safe.
 */
public final class ImportReport {
  /** Most row errors listed; later ones are only counted. */
  public static final int MAX_ERRORS = 1000;

  /** A rejected row: its line in the file (1 = header), the field and why. */
  public record RowError(long line, String field, String message) {}

  private long read;
  private long created;
  private long updated;
  private long unchanged;
  private long rejected;
  private final List<RowError> errors = new ArrayList<>();

  void created() {
    created++;
  }

  void updated() {
    updated++;
  }

  void unchanged() {
    unchanged++;
  }

  /** Counts a row read from the file. */
  void read() {
    read++;
  }

  /** Rejects the row at {@code line} for {@code field}. */
  void reject(long line, String field, String message) {
    rejected++;
    if (errors.size() < MAX_ERRORS) {
      errors.add(new RowError(line, field, message));
    }
  }

  /** Records a further error of a row already rejected (another field). */
  void alsoWrong(long line, String field, String message) {
    if (errors.size() < MAX_ERRORS) {
      errors.add(new RowError(line, field, message));
    }
  }

  public long rowsRead() {
    return read;
  }

  public long createdCount() {
    return created;
  }

  public long updatedCount() {
    return updated;
  }

  public long unchangedCount() {
    return unchanged;
  }

  public long rejectedCount() {
    return rejected;
  }

  /** The listed row errors, in file order; unmodifiable. */
  public List<RowError> errors() {
    return Collections.unmodifiableList(errors);
  }
}
