package org.tawag.bench;

/**
 * A histogram of durations in 0.1 ms buckets up to 10 s (longer ones land in the last bucket),
 * for percentiles without keeping every sample. Not thread-safe: one writer.
 */
final class DelayHistogram {
  private static final long BUCKET_NANOS = 100_000;
  private final long[] buckets = new long[100_000];
  private long count;
  private long maxNanos;

  void add(long nanos) {
    long b = Math.max(0, nanos) / BUCKET_NANOS;
    buckets[(int) Math.min(b, buckets.length - 1)]++;
    count++;
    maxNanos = Math.max(maxNanos, nanos);
  }

  long count() {
    return count;
  }

  /** The {@code p}-th percentile (0-100) in milliseconds, the upper edge of its bucket. */
  double percentileMs(double p) {
    if (count == 0) {
      return Double.NaN;
    }
    long rank = (long) Math.ceil(p / 100.0 * count);
    long seen = 0;
    for (int i = 0; i < buckets.length; i++) {
      seen += buckets[i];
      if (seen >= Math.max(1, rank)) {
        return Math.min((i + 1) * BUCKET_NANOS, Math.max(maxNanos, 0)) / 1e6;
      }
    }
    return maxNanos / 1e6;
  }

  double maxMs() {
    return count == 0 ? Double.NaN : maxNanos / 1e6;
  }
}
