package org.tawag.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tawag.media.MediaCounters;
import org.tawag.media.rtp.ReceiveStatistics;

class LegCountersTest {
  private final MediaCounters totals = new MediaCounters();
  private final LegCounters leg = new LegCounters(totals);
  private final ReceiveStatistics stats = new ReceiveStatistics();
  private final JitterBuffer buffer = new JitterBuffer(2, 10);

  @Test
  void addsOnlyWhatIsNewAtEachFlush() {
    receive(1, 0, 1, 2, 3);
    leg.flush(5, stats, buffer);
    receive(1, 4, 5);
    leg.flush(7, stats, buffer);

    assertEquals(5, totals.packetsIn());
    assertEquals(7, totals.packetsOut());
    assertEquals(0, totals.packetsLost());
  }

  @Test
  void lossComesFromTheReceiveStatisticsAndNeverShrinks() {
    receive(1, 0, 1, 2, 5); // 3 and 4 missing
    leg.flush(0, stats, buffer);
    assertEquals(2, totals.packetsLost());

    receive(1, 5, 5, 5); // duplicates bring A.3's cumulative loss below zero
    leg.flush(0, stats, buffer);
    assertEquals(2, totals.packetsLost());

    receive(1, 9); // 6..8 missing: loss is 2 again after the duplicates, then more
    leg.flush(0, stats, buffer);
    assertEquals(2, totals.packetsLost(), "cumulative loss only back to 2, nothing new");
  }

  @Test
  void aNewSourceStartsItsLossFromZero() {
    receive(1, 0, 1, 5); // 2..4 lost
    leg.flush(0, stats, buffer);
    receive(2, 100, 101, 102, 104); // new SSRC after probation, 103 lost
    leg.flush(0, stats, buffer);

    assertEquals(4, totals.packetsLost());
  }

  @Test
  void reportsLegJitterToItsListener() {
    List<Double> samples = new ArrayList<>();
    totals.onLegJitter(samples::add);
    totals.legJitter(12.5);
    assertEquals(List.of(12.5), samples);
  }

  /** Feeds packets of {@code ssrc} with sequence numbers {@code seqs}, 20 ms apart and on time. */
  private void receive(long ssrc, int... seqs) {
    for (int seq : seqs) {
      if (stats.update(ssrc, seq, seq * 160L, seq * 160L)) {
        leg.packetIn();
      }
    }
  }
}
