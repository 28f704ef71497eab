package org.tawag.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.tawag.media.MediaStats;

class CallQualityTest {
  private final CallQuality quality = new CallQuality();

  private static MediaStats caller(long received, long lost, double jitterMs) {
    return new MediaStats(0, received, lost, jitterMs, -1, -1);
  }

  @Test
  void firstReportCountsFromTheCallsStart() {
    JsonObject r = quality.report("c1", caller(95, 5, 3.26), new AudioPipe.Stats(100, 98, 1, 2, 0));
    assertEquals("quality", r.getString("type"));
    assertEquals("c1", r.getString("callId"));
    assertEquals(5.0, r.getJsonObject("caller").getDouble("lossPct"));
    assertEquals(3.3, r.getJsonObject("caller").getDouble("jitterMs"));
    assertEquals(95L, r.getJsonObject("caller").getLong("packets"));
    assertEquals(100L, r.getJsonObject("uplink").getLong("frames"));
    assertEquals(1L, r.getJsonObject("uplink").getLong("gaps"));
    assertEquals(2L, r.getJsonObject("uplink").getLong("dropped"));
  }

  @Test
  void laterReportsCoverOnlyTheInterval() {
    quality.report("c1", caller(95, 5, 1), new AudioPipe.Stats(100, 98, 1, 2, 0));
    JsonObject r = quality.report("c1", caller(195, 5, 1), new AudioPipe.Stats(200, 198, 1, 2, 1));
    assertEquals(0.0, r.getJsonObject("caller").getDouble("lossPct"));
    assertEquals(100L, r.getJsonObject("caller").getLong("packets"));
    assertEquals(100L, r.getJsonObject("uplink").getLong("frames"));
    assertEquals(0L, r.getJsonObject("uplink").getLong("gaps"));
    assertEquals(1L, r.getJsonObject("uplink").getLong("dropped"));
  }

  @Test
  void lateArrivalsThatLowerTheLostCountDoNotReportNegativeLoss() {
    quality.report("c1", caller(90, 10, 1), new AudioPipe.Stats(0, 0, 0, 0, 0));
    JsonObject r = quality.report("c1", caller(100, 8, 1), new AudioPipe.Stats(0, 0, 0, 0, 0));
    assertEquals(0.0, r.getJsonObject("caller").getDouble("lossPct"));
  }

  @Test
  void aNewCallStartsAgain() {
    quality.report("c1", caller(1000, 0, 1), new AudioPipe.Stats(1000, 1000, 0, 0, 0));
    quality.reset();
    JsonObject r = quality.report("c2", caller(10, 0, 1), new AudioPipe.Stats(10, 10, 0, 0, 0));
    assertEquals(10L, r.getJsonObject("caller").getLong("packets"));
  }
}
