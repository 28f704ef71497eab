package org.tawag.media.transport;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.OptionalInt;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * The free list of RTP/RTCP port pairs of the media range: even RTP port, RTCP on the next port
 * (RFC 3550 §11).
 *
 * <p>Allocation starts at a random pair so restarts do not reuse the ports of the previous run
 * first. A released pair waits in quarantine before it is handed out again, so late packets of an
 * old call never reach a new one; a pair that failed to bind (another process holds it) is put in
 * quarantine the same way and tried again later.
 *
 * <p>Not thread-safe: the owner serialises calls. Time comes from the given nanosecond clock.
 */
public final class RtpPortAllocator {
  private final int firstPort;
  private final int pairs;
  private final long quarantineNanos;
  private final LongSupplier nanoClock;
  private final ArrayDeque<Integer> free = new ArrayDeque<>();
  private final ArrayDeque<long[]> quarantine = new ArrayDeque<>();
  private final BitSet inUse = new BitSet();

  /**
   * Creates an allocator for the pairs inside [{@code portMin}, {@code portMax}].
   *
   * @param nanoClock monotonic time in nanoseconds (e.g. {@code System::nanoTime})
   * @param random picks the first pair handed out
   */
  public RtpPortAllocator(
      int portMin,
      int portMax,
      Duration quarantine,
      LongSupplier nanoClock,
      RandomGenerator random) {
    if (portMin < 1024 || portMax > 65535 || portMin >= portMax) {
      throw new IllegalArgumentException(
          "RTP port range must lie in 1024..65535 with min < max: " + portMin + "-" + portMax);
    }
    if (quarantine.isNegative()) {
      throw new IllegalArgumentException("port quarantine must not be negative: " + quarantine);
    }
    this.firstPort = portMin + (portMin & 1);
    this.pairs = (portMax - firstPort + 1) / 2;
    if (pairs < 1) {
      throw new IllegalArgumentException(
          "RTP port range holds no even/odd pair: " + portMin + "-" + portMax);
    }
    this.quarantineNanos = quarantine.toNanos();
    this.nanoClock = nanoClock;
    int start = random.nextInt(pairs);
    for (int i = 0; i < pairs; i++) {
      free.add(firstPort + 2 * ((start + i) % pairs));
    }
  }

  /** Takes a free pair and returns its (even) RTP port, or empty when every pair is taken. */
  public OptionalInt allocate() {
    releaseExpired();
    Integer port = free.poll();
    if (port == null) {
      return OptionalInt.empty();
    }
    inUse.set(index(port));
    return OptionalInt.of(port);
  }

  /** Returns an allocated pair; it becomes free again after the quarantine. */
  public void release(int rtpPort) {
    checkAllocated(rtpPort);
    inUse.clear(index(rtpPort));
    quarantine.add(new long[] {rtpPort, nanoClock.getAsLong() + quarantineNanos});
  }

  /**
   * Returns an allocated pair that could not be bound (another process holds a port of it); it is
   * tried again only after the quarantine.
   */
  public void skip(int rtpPort) {
    release(rtpPort);
  }

  /** How many pairs the range holds. */
  public int capacity() {
    return pairs;
  }

  /** How many pairs could be allocated now. */
  public int available() {
    releaseExpired();
    return free.size();
  }

  private void releaseExpired() {
    long now = nanoClock.getAsLong();
    // Every entry has the same quarantine, so the deque is ordered by expiry.
    while (!quarantine.isEmpty() && quarantine.peek()[1] - now <= 0) {
      free.add((int) quarantine.poll()[0]);
    }
  }

  private void checkAllocated(int rtpPort) {
    if (rtpPort < firstPort
        || (rtpPort & 1) != 0
        || index(rtpPort) >= pairs
        || !inUse.get(index(rtpPort))) {
      throw new IllegalArgumentException("RTP port " + rtpPort + " is not allocated");
    }
  }

  private int index(int rtpPort) {
    return (rtpPort - firstPort) / 2;
  }
}
