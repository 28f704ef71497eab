package org.tawag.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spool's binary form: version 2 carries a dial's customer and contact; 1 still reads. */
class SpoolCodecTest {
  @Test
  void customerAndCampaignContactRoundTrip() throws IOException {
    CallRecord r =
        CallRecords.ended("d1").toBuilder().customerId(42L).campaignContactId(7L).build();
    LoggedCall back = SpoolCodec.decode(SpoolCodec.encode(new LoggedCall(r, List.of())));
    assertEquals(r, back.record());
  }

  @Test
  void versionOneLinesFromBeforeTheUpgradeStillRead() throws IOException {
    CallRecord r = CallRecords.ended("c1");
    byte[] v2 = SpoolCodec.encode(new LoggedCall(r, List.of()));
    // Version 2 ends with two absent numbers (one byte each) and the event count (4 bytes).
    byte[] v1 = Arrays.copyOf(v2, v2.length - 2);
    System.arraycopy(v2, v2.length - 4, v1, v1.length - 4, 4);
    v1[0] = 1;

    LoggedCall back = SpoolCodec.decode(v1);
    assertEquals(r, back.record());
    assertNull(back.record().customerId());
  }
}
