package org.tawag.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReceiveStatisticsTest {

  private static final long A = 0x11111111L;
  private static final long B = 0x22222222L;

  private final ReceiveStatistics stats = new ReceiveStatistics();

  /** Feeds a 20 ms packet of source {@code ssrc}, arriving exactly on time. */
  private boolean packet(long ssrc, int seq) {
    long ts = 160L * seq;
    return stats.update(ssrc, seq, ts, ts + 1000);
  }

  @Test
  void acceptsASourceAfterTwoSequentialPackets() {
    assertEquals(-1, stats.ssrc());
    assertFalse(packet(A, 100), "first packet is on probation (RFC 3550 A.1)");
    assertEquals(0, stats.packetsReceived());
    assertTrue(packet(A, 101));
    assertEquals(A, stats.ssrc());
    for (int seq = 102; seq < 110; seq++) {
      assertTrue(packet(A, seq));
    }
    assertEquals(9, stats.packetsReceived());
    assertEquals(9, stats.expected());
    assertEquals(0, stats.cumulativeLost());
    assertEquals(109, stats.extendedHighestSequence());
    assertEquals(0, stats.jitter());
    assertEquals(0, stats.fractionLostAndResetInterval());
  }

  @Test
  void probationRestartsWhenThePacketsAreNotInSequence() {
    assertFalse(packet(A, 10));
    assertFalse(packet(A, 20));
    assertTrue(packet(A, 21));
    assertEquals(21, stats.extendedHighestSequence());
  }

  @Test
  void countsLostPacketsAndTheFractionPerInterval() {
    for (int seq : new int[] {0, 1, 2, 5, 6, 7, 8, 9}) {
      packet(A, seq);
    }
    assertEquals(7, stats.packetsReceived());
    assertEquals(9, stats.expected());
    assertEquals(2, stats.cumulativeLost());
    assertEquals((2 << 8) / 9, stats.fractionLostAndResetInterval());

    for (int seq = 10; seq < 20; seq++) {
      packet(A, seq);
    }
    assertEquals(0, stats.fractionLostAndResetInterval(), "no loss in the second interval");
    assertEquals(2, stats.cumulativeLost());

    for (int seq : new int[] {20, 23}) {
      packet(A, seq);
    }
    assertEquals((2 << 8) / 4, stats.fractionLostAndResetInterval());
    assertEquals(0, stats.fractionLostAndResetInterval(), "empty interval");
  }

  @Test
  void acceptsReorderedPacketsWithoutCountingLoss() {
    for (int seq : new int[] {0, 1, 2, 4, 3, 5}) {
      packet(A, seq);
    }
    assertTrue(packet(A, 6));
    assertEquals(6, stats.packetsReceived());
    assertEquals(0, stats.cumulativeLost());
    assertEquals(6, stats.extendedHighestSequence());
  }

  @Test
  void duplicatesMakeLossNegative() {
    for (int seq : new int[] {0, 1, 2, 2, 2}) {
      packet(A, seq);
    }
    assertEquals(4, stats.packetsReceived());
    assertEquals(2, stats.expected());
    assertEquals(-2, stats.cumulativeLost());
    assertEquals(0, stats.fractionLostAndResetInterval());
  }

  @Test
  void extendsTheSequenceAcrossTheWrap() {
    for (int seq : new int[] {65533, 65534, 65535, 0, 1}) {
      stats.update(A, seq, 0, 0);
    }
    assertEquals(65536 + 1, stats.extendedHighestSequence());
    assertEquals(4, stats.expected());
    assertEquals(4, stats.packetsReceived());
    assertEquals(0, stats.cumulativeLost());
  }

  @Test
  void probationAcceptsAPairAcrossTheWrap() {
    assertFalse(stats.update(A, 65535, 0, 0));
    assertTrue(stats.update(A, 0, 160, 160));
    assertEquals(0, stats.extendedHighestSequence());
  }

  @Test
  void aLargeJumpIsARestartOnlyOnceTheNextPacketConfirmsIt() {
    for (int seq = 0; seq < 3; seq++) {
      packet(A, seq);
    }
    assertFalse(packet(A, 10_000), "a jump beyond MAX_DROPOUT is held back");
    assertTrue(packet(A, 3), "the old sequence continues");
    assertEquals(3, stats.extendedHighestSequence());

    assertFalse(packet(A, 20_000));
    assertTrue(packet(A, 20_001), "two in sequence after the jump: the source restarted");
    assertEquals(20_001, stats.extendedHighestSequence());
    assertEquals(1, stats.packetsReceived());
    assertEquals(1, stats.expected());
    assertTrue(packet(A, 20_002));
    assertEquals(0, stats.cumulativeLost());
  }

  @Test
  void aJumpWithinMaxDropoutIsLoss() {
    packet(A, 0);
    packet(A, 1);
    assertTrue(packet(A, 2999));
    assertEquals(2997, stats.cumulativeLost());
  }

  @Test
  void aStepBackBeyondMaxMisorderIsHeldBack() {
    for (int seq = 1000; seq < 1003; seq++) {
      packet(A, seq);
    }
    assertTrue(packet(A, 1002 - 99), "within MAX_MISORDER: a late packet");
    assertFalse(packet(A, 1002 - 200), "beyond MAX_MISORDER: a possible restart");
  }

  @Test
  void switchesToANewSsrcAfterItsProbationAndResetsTheStatistics() {
    for (int seq = 0; seq < 5; seq++) {
      packet(A, seq);
    }
    assertFalse(packet(B, 500), "new source on probation");
    assertTrue(packet(A, 5), "the old source keeps playing meanwhile");
    assertEquals(A, stats.ssrc());
    assertTrue(packet(B, 501), "second sequential packet: the new source takes over");
    assertEquals(B, stats.ssrc());
    assertEquals(1, stats.packetsReceived());
    assertEquals(1, stats.expected());
    assertEquals(501, stats.extendedHighestSequence());
    assertTrue(packet(B, 502));
    assertFalse(packet(A, 6), "a straggler of the old source is not played");
  }

  @Test
  void jitterFollowsTheIntegerFormOfA8() {
    // Packets every 160 units, arriving alternately on time and 80 units (10 ms) late, so every
    // transit difference |D| is 80. The first packet is on probation and not measured; the
    // second sets the reference transit.
    int[] expectedQ4 = {0, 80, 155, 225, 291};
    for (int i = 0; i < 6; i++) {
      long ts = 160L * i;
      stats.update(A, i, ts, ts + (i % 2 == 0 ? 0 : 80));
      if (i >= 1) {
        int q4 = expectedQ4[i - 1];
        assertEquals(q4 >> 4, stats.jitter(), "J after packet " + i);
        assertEquals(q4 / 16.0 / 8.0, stats.jitterMs(), 1e-9, "ms after packet " + i);
      }
    }
    // J converges to |D| = 80 units = 10 ms.
    for (int i = 6; i < 300; i++) {
      long ts = 160L * i;
      stats.update(A, i, ts, ts + (i % 2 == 0 ? 0 : 80));
    }
    assertTrue(stats.jitter() >= 78 && stats.jitter() <= 80, "converged J " + stats.jitter());
    assertEquals(10.0, stats.jitterMs(), 0.25);
  }

  @Test
  void jitterIgnoresTheWrapOfTheRtpTimestamp() {
    long ts = (1L << 32) - 320;
    long arrival = 5_000_000_000L;
    for (int seq = 0; seq < 10; seq++) {
      stats.update(A, seq, ts & 0xFFFFFFFFL, arrival);
      ts += 160;
      arrival += 160;
    }
    assertEquals(0, stats.jitter());
  }

  @Test
  void jitterRestartsWithANewSource() {
    for (int i = 0; i < 20; i++) {
      stats.update(A, i, 160L * i, 160L * i + (i % 2 == 0 ? 0 : 400));
    }
    assertTrue(stats.jitter() > 0);
    stats.update(B, 0, 0, 100_000);
    stats.update(B, 1, 160, 100_160);
    assertEquals(0, stats.jitter());
  }

  @Test
  void clampsCumulativeLossTo24Bits() {
    // A source losing more than 2^23 packets in MAX_DROPOUT steps.
    packet(A, 0);
    int seq = 1;
    packet(A, seq);
    for (int i = 0; i < 3000; i++) {
      seq = (seq + 2999) & 0xFFFF;
      stats.update(A, seq, 0, 0);
    }
    assertEquals(3000L * 2998, stats.expected() - stats.packetsReceived());
    assertEquals(0x7FFFFF, stats.cumulativeLost());
  }

  @Test
  void rejectsASequenceNumberOutOfRange() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> stats.update(A, 65536, 0, 0));
    assertTrue(e.getMessage().contains("65536"));
  }
}
