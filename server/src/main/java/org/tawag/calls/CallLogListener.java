package org.tawag.calls;

/**
 * Hears what the {@link CallLogWriter} does with records, for metrics and tests. Called on the
 * writer's JDBC worker, except {@link #dropped} for a full queue, which runs on the caller's
 * thread: implementations must be quick and never block.
 */
public interface CallLogListener {
  /** A listener that ignores everything. */
  CallLogListener NONE = new CallLogListener() {};

  /** {@code records} were committed to the database straight from the queue. */
  default void written(int records) {}

  /** {@code records} were forced to the spool file because the database did not answer. */
  default void spooled(int records) {}

  /** {@code records} from the spool file were committed to the database. */
  default void replayed(int records) {}

  /** {@code records} were lost, for {@code reason}. */
  default void dropped(int records, String reason) {}

  /** The database stopped answering; records go to the spool until it does again. */
  default void databaseDown(Exception cause) {}

  /** The database answers again and the spool has been replayed. */
  default void databaseUp() {}
}
