package org.tawag.api;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An incremental CSV reader (RFC 4180: comma-separated, fields in double quotes may hold commas,
 * line breaks and doubled quotes; CRLF or LF line ends) fed UTF-8 bytes in arbitrary chunks, as a
 * request body arrives. Each completed record carries the file line it starts on, for error
 * reports. Blank lines are skipped; a leading byte-order mark is dropped; bad UTF-8 becomes U+FFFD.
 *
 * <p>Memory is bounded by one record: a field longer than {@link #MAX_FIELD} characters fails the
 * parse. Not thread-safe.
 */
final class CsvParser {
  /** Longest field accepted. */
  static final int MAX_FIELD = 10_000;

  /** One record and the line (from 1) it starts on. */
  record Row(long line, List<String> fields) {}

  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private ByteBuffer pending = ByteBuffer.allocate(0);
  private final StringBuilder field = new StringBuilder();
  private List<String> fields = new ArrayList<>();
  private boolean quoted;
  private boolean quoteInQuoted;
  private boolean fieldStarted;
  private boolean afterCr;
  private boolean first = true;
  private long line = 1;
  private long rowLine = 1;

  /** The records completed by {@code bytes}. */
  List<Row> feed(byte[] bytes) {
    ByteBuffer in = ByteBuffer.allocate(pending.remaining() + bytes.length);
    in.put(pending).put(bytes).flip();
    CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
    decoder.decode(in, out, false);
    pending = in.slice();
    out.flip();
    return consume(out);
  }

  /** The last record, if the input did not end with a line break. */
  List<Row> finish() {
    CharBuffer out = CharBuffer.allocate(pending.remaining() + 2);
    decoder.decode(pending, out, true);
    decoder.flush(out);
    out.flip();
    List<Row> rows = consume(out);
    if (quoted && !quoteInQuoted) {
      throw new IllegalArgumentException("line " + rowLine + ": a quoted field is not closed");
    }
    if (fieldStarted || !fields.isEmpty()) {
      endRecord(rows);
    }
    return rows;
  }

  private List<Row> consume(CharBuffer chars) {
    List<Row> rows = new ArrayList<>();
    while (chars.hasRemaining()) {
      char c = chars.get();
      if (first) {
        first = false;
        if (c == '\uFEFF') {
          continue;
        }
      }
      if (afterCr) {
        afterCr = false;
        if (c == '\n') {
          continue;
        }
      }
      if (quoted) {
        if (quoteInQuoted) {
          quoteInQuoted = false;
          if (c == '"') {
            append(c);
            continue;
          }
          quoted = false;
          // fall through: the quote closed the field; c is a separator or more text
        } else {
          if (c == '"') {
            quoteInQuoted = true;
          } else {
            if (c == '\n') {
              line++;
            }
            append(c);
          }
          continue;
        }
      }
      switch (c) {
        case ',' -> endField();
        case '\r', '\n' -> {
          afterCr = c == '\r';
          if (fieldStarted || !fields.isEmpty()) {
            endRecord(rows);
          }
          line++;
          rowLine = line;
        }
        case '"' -> {
          if (!fieldStarted) {
            quoted = true;
            fieldStarted = true;
          } else {
            append(c);
          }
        }
        default -> append(c);
      }
    }
    return rows;
  }

  private void append(char c) {
    if (field.length() >= MAX_FIELD) {
      throw new IllegalArgumentException(
          "line " + rowLine + ": a field is longer than " + MAX_FIELD + " characters");
    }
    field.append(c);
    fieldStarted = true;
  }

  private void endField() {
    fields.add(field.toString());
    field.setLength(0);
    fieldStarted = false;
  }

  private void endRecord(List<Row> rows) {
    fields.add(field.toString());
    field.setLength(0);
    fieldStarted = false;
    rows.add(new Row(rowLine, List.copyOf(fields)));
    fields = new ArrayList<>();
  }
}
