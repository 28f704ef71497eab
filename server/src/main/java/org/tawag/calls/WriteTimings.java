package org.tawag.calls;

/**
 * How long the call-log writer's batches take to commit, and which fail: the store's write latency
 * and failed writes for metrics. Called on the writer's JDBC worker; must be quick.
 */
public interface WriteTimings {
  /** Ignores everything. */
  WriteTimings NONE =
      new WriteTimings() {
        @Override
        public void written(int records, long nanos) {}

        @Override
        public void failed() {}
      };

  /** A batch of {@code records} committed in {@code nanos}. */
  void written(int records, long nanos);

  /** A batch was not taken (database down or refusing it). */
  void failed();
}
