package org.tawag.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvParserTest {
  private static final String FILE =
      "\uFEFFfullName,phone\r\n"
          + "\"Santos, Maria\",+15550100001\r\n"
          + "\r\n"
          + "\"Say \"\"hi\"\"\nsecond line\",0555 0100\n"
          + "Ñandú Ødegård,+4712345678\n"
          + "last,,\n"
          + "no newline at end,1";

  /** The file fed in pieces of {@code size} bytes, so chunks split quotes, CRLF and UTF-8. */
  private static List<CsvParser.Row> parse(byte[] bytes, int size) {
    CsvParser p = new CsvParser();
    List<CsvParser.Row> rows = new ArrayList<>();
    for (int i = 0; i < bytes.length; i += size) {
      rows.addAll(p.feed(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + size))));
    }
    rows.addAll(p.finish());
    return rows;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 1000})
  void recordsAndTheirLinesWhateverTheChunks(int size) {
    List<CsvParser.Row> rows = parse(FILE.getBytes(StandardCharsets.UTF_8), size);
    assertEquals(
        List.of(
            new CsvParser.Row(1, List.of("fullName", "phone")),
            new CsvParser.Row(2, List.of("Santos, Maria", "+15550100001")),
            new CsvParser.Row(4, List.of("Say \"hi\"\nsecond line", "0555 0100")),
            new CsvParser.Row(6, List.of("Ñandú Ødegård", "+4712345678")),
            new CsvParser.Row(7, List.of("last", "", "")),
            new CsvParser.Row(8, List.of("no newline at end", "1"))),
        rows);
  }

  @Test
  void anUnclosedQuoteNamesItsLine() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> parse("a,b\n\"open,1\n".getBytes(StandardCharsets.UTF_8), 4));
    assertTrue(e.getMessage().startsWith("line 2"), e.getMessage());
  }

  @Test
  void aHugeFieldIsRefusedNotBuffered() {
    byte[] big = ("a\n" + "x".repeat(CsvParser.MAX_FIELD + 1)).getBytes(StandardCharsets.UTF_8);
    assertThrows(IllegalArgumentException.class, () -> parse(big, 4096));
  }

  @Test
  void badUtf8BecomesAReplacementCharacter() {
    byte[] bytes = {'a', ',', (byte) 0xff, '\n'};
    assertEquals(List.of(new CsvParser.Row(1, List.of("a", "\uFFFD"))), parse(bytes, 1));
  }
}
