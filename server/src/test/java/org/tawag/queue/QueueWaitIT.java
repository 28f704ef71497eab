package org.tawag.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.media.AudioCodec;
import org.tawag.media.play.Sound;
import org.tawag.media.play.SoundLibrary;
import org.tawag.testing.RtpProbe;
import org.tawag.testing.Sipp;
import org.tawag.testing.TawagServerExtension;
import org.tawag.testing.TawagTestServer;

/**
 * A caller waiting in the support queue (800) with nobody logged in: it hears its position over the
 * music every {@code announce-every}, and its callback key (*) leaves a stored callback request and
 * ends the call from Tawag's side.
 *
 * <p>Sounds reach the caller unchanged (G.711 frames encoded once at start-up), so the test knows
 * each frame it should hear: it loads the same sounds and finds them in the RTP it receives.
 */
class QueueWaitIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** Position 1, no estimate yet (nobody was answered), support's callback key *. */
  private static final List<String> ANNOUNCEMENT =
      List.of("you-are-number", "number-1", "in-the-queue", "callback-press", "key-star");

  @RegisterExtension
  static final TawagServerExtension server =
      new TawagServerExtension("tawag.queues.support.announce-every = 2s\n");

  static SoundLibrary sounds;

  @TempDir Path work;

  static TawagTestServer tawag() {
    return server.get();
  }

  @BeforeAll
  static void loadSounds() throws Exception {
    sounds = SoundLibrary.load(Path.of("..", "sip-config", "sounds").toAbsolutePath());
  }

  @Test
  void waitingCallerHearsItsPositionAndTheCallbackKeyOverTheMusicAgainAndAgain() throws Exception {
    List<String> heard;
    try (RtpProbe caller = new RtpProbe()) {
      // Announcements start 2 s after arrival and last 6 s; the first 2 s tick after the first
      // one ends (8 s or 10 s) starts the second, whose first words arrive within 13 s.
      Sipp.Result r = call(caller, "uac-echo.xml", 13_000).get(40, TimeUnit.SECONDS);
      assertEquals(0, r.exitCode(), r.describe());
      heard = caller.received().stream().map(p -> hex(p.payload())).toList();
    }
    List<String> announcement = new ArrayList<>();
    for (String name : ANNOUNCEMENT) {
      announcement.addAll(frames(sounds.get(name)));
    }
    Set<String> music = new HashSet<>(frames(sounds.get("hold-music")));

    List<Integer> whole = occurrences(heard, announcement);
    assertTrue(!whole.isEmpty(), "the whole announcement in " + heard.size() + " frames");
    int first = whole.get(0);
    assertTrue(first >= 50, "music first: the announcement comes after 2 s, at frame " + first);
    assertTrue(
        heard.subList(0, first).stream().filter(music::contains).count() >= first * 0.9,
        "the caller hears hold music before the announcement");
    String next = heard.get(first + announcement.size());
    assertTrue(music.contains(next), "the music resumes right after the announcement");

    // The next one starts at the first 2 s tick after this one ends (the call hangs up during it).
    List<Integer> starts = occurrences(heard, frames(sounds.get(ANNOUNCEMENT.get(0))));
    assertTrue(starts.size() >= 2, "a second announcement begins: " + starts);
    int gap = starts.get(1) - first;
    assertTrue(
        gap >= announcement.size() && gap <= announcement.size() + 110,
        "the next announcement follows at the next 2 s tick: " + gap + " frames later");
  }

  @Test
  void starLeavesACallbackRequestAndTawagHangsUp() throws Exception {
    Sipp.Result r = sipp("uac-callback-star.xml", List.of());
    assertEquals(0, r.exitCode(), r.describe());

    Map<String, Object> row = awaitCallbackRow();
    assertEquals("support", row.get("queue"));
    assertEquals("+15550100", row.get("caller"));
    assertEquals("open", row.get("status"));
    assertNotNull(row.get("requested_at"));
    assertEquals(0, tawag().server().queues().calls(), "the call left the queue");
    String callId = (String) row.get("call_id");
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      try (Connection c = tawag().server().store().database().connection();
          PreparedStatement ps = c.prepareStatement("SELECT outcome FROM calls WHERE id = ?")) {
        ps.setString(1, callId);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next() && rs.getString(1) != null) {
            assertEquals("callback_requested", rs.getString(1));
            break;
          }
        }
      }
      assertTrue(System.nanoTime() < deadline, "no call record");
      Thread.sleep(100);
    }
  }

  // ---- helpers ----

  private CompletableFuture<Sipp.Result> call(RtpProbe probe, String scenario, int holdMillis) {
    return tawag().callWithProbe(work, scenario, "800", probe, holdMillis);
  }

  private Sipp.Result sipp(String scenario, List<String> extra) {
    return tawag().call(work, scenario, "800", extra);
  }

  /** The sound's 20 ms frames as the caller receives them (PCMU, as uac-echo.xml negotiates). */
  private static List<String> frames(Sound sound) {
    List<String> out = new ArrayList<>(sound.frames());
    byte[] frame = new byte[AudioCodec.FRAME_SAMPLES];
    for (int i = 0; i < sound.frames(); i++) {
      sound.copyFrame(AudioCodec.PCMU, i, frame);
      out.add(hex(frame));
    }
    return out;
  }

  private static String hex(byte[] payload) {
    return HexFormat.of().formatHex(payload);
  }

  /** Where {@code part} starts in {@code all}, each occurrence after the end of the previous. */
  private static List<Integer> occurrences(List<String> all, List<String> part) {
    List<Integer> starts = new ArrayList<>();
    int from = 0;
    while (from < all.size()) {
      int at = Collections.indexOfSubList(all.subList(from, all.size()), part);
      if (at < 0) {
        break;
      }
      starts.add(from + at);
      from += at + part.size();
    }
    return starts;
  }

  private static Map<String, Object> awaitCallbackRow() throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      try (Connection c = tawag().server().store().database().connection();
          PreparedStatement ps =
              c.prepareStatement("SELECT * FROM callback_requests ORDER BY id DESC LIMIT 1");
          ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          Map<String, Object> row = new HashMap<>();
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
          }
          return row;
        }
      }
      assertTrue(System.nanoTime() < deadline, "no callback request stored");
      Thread.sleep(100);
    }
  }
}
