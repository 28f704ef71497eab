package org.tawag.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpoolTest {
  @TempDir Path dir;

  static LoggedCall call(String id) {
    return new LoggedCall(CallRecords.ended(id), CallRecords.endedEvents(id));
  }

  static List<String> ids(List<LoggedCall> calls) {
    return calls.stream().map(c -> c.record().id()).toList();
  }

  @Test
  void appendedCallsReadBackEqualAndInOrder() throws IOException {
    Path file = dir.resolve("sub/calls.spool");
    try (DiskSpool spool = DiskSpool.open(file)) {
      assertTrue(spool.isEmpty());
      spool.append(List.of(call("a"), call("b")));
      LoggedCall minimal =
          new LoggedCall(
              CallRecord.builder("c", CallRecord.Direction.OUT, CallRecords.T0).build(), List.of());
      spool.append(List.of(minimal));

      DiskSpool.Chunk all = spool.read(0, 100);
      assertEquals(List.of(call("a"), call("b"), minimal), all.calls());
      assertEquals(spool.size(), all.next());
      assertEquals(0, all.torn());
    }
  }

  @Test
  void readsInChunksFromAPosition() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir.resolve("calls.spool"))) {
      List<LoggedCall> calls = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        calls.add(call("call-" + i));
      }
      spool.append(calls);
      List<String> seen = new ArrayList<>();
      long pos = 0;
      int chunks = 0;
      while (true) {
        DiskSpool.Chunk c = spool.read(pos, 3);
        if (c.calls().isEmpty()) {
          break;
        }
        seen.addAll(ids(c.calls()));
        pos = c.next();
        chunks++;
      }
      assertEquals(ids(calls), seen);
      assertEquals(3, chunks);
      assertEquals(spool.size(), pos);
    }
  }

  @Test
  void survivesReopenAndClearEmptiesIt() throws IOException {
    Path file = dir.resolve("calls.spool");
    try (DiskSpool spool = DiskSpool.open(file)) {
      spool.append(List.of(call("a")));
    }
    try (DiskSpool spool = DiskSpool.open(file)) {
      assertEquals(List.of("a"), ids(spool.read(0, 10).calls()));
      spool.clear();
      assertTrue(spool.isEmpty());
      assertEquals(0, Files.size(file));
      assertEquals(List.of(), spool.read(0, 10).calls());
      spool.append(List.of(call("b")));
      assertEquals(List.of("b"), ids(spool.read(0, 10).calls()));
    }
  }

  @Test
  void tornLastLineIsSkippedAndCountedAndLaterAppendsAreClean() throws IOException {
    Path file = dir.resolve("calls.spool");
    try (DiskSpool spool = DiskSpool.open(file)) {
      spool.append(List.of(call("a"), call("b")));
    }
    // A crash mid-append: half of a third line, no newline.
    byte[] whole = Files.readAllBytes(file);
    int firstLine = indexOf(whole, (byte) '\n') + 1;
    Files.write(file, java.util.Arrays.copyOf(whole, firstLine / 2), StandardOpenOption.APPEND);

    try (DiskSpool spool = DiskSpool.open(file)) {
      DiskSpool.Chunk c = spool.read(0, 10);
      assertEquals(List.of("a", "b"), ids(c.calls()));
      assertEquals(1, c.torn());
      assertEquals(spool.size(), c.next());

      spool.append(List.of(call("c")));
      DiskSpool.Chunk after = spool.read(0, 10);
      assertEquals(List.of("a", "b", "c"), ids(after.calls()));
      assertEquals(1, after.torn());
      assertEquals(2, spool.tornLines());
    }
  }

  @Test
  void tornTailReadBeforeAnyReopenIsSkipped() throws IOException {
    Path file = dir.resolve("calls.spool");
    try (DiskSpool spool = DiskSpool.open(file)) {
      spool.append(List.of(call("a")));
      Files.write(file, "QUJD".getBytes(), StandardOpenOption.APPEND);
      DiskSpool.Chunk c = spool.read(0, 10);
      assertEquals(List.of("a"), ids(c.calls()));
      assertEquals(1, c.torn());
      assertEquals(Files.size(file), c.next());
    }
  }

  @Test
  void corruptLineInTheMiddleIsSkippedAndTheRestRead() throws IOException {
    Path file = dir.resolve("calls.spool");
    try (DiskSpool spool = DiskSpool.open(file)) {
      spool.append(List.of(call("a"), call("b"), call("c")));
    }
    byte[] bytes = Files.readAllBytes(file);
    int second = indexOf(bytes, (byte) '\n') + 1;
    bytes[second + 5] = (byte) (bytes[second + 5] == 'A' ? 'B' : 'A'); // flips a Base64 digit
    Files.write(file, bytes);
    try (DiskSpool spool = DiskSpool.open(file)) {
      DiskSpool.Chunk c = spool.read(0, 10);
      assertEquals(List.of("a", "c"), ids(c.calls()));
      assertEquals(1, c.torn());
    }
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
