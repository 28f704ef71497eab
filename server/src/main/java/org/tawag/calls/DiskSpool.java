package org.tawag.calls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file where call records wait while the database is down, to be replayed in order
 * when it answers again. One line per call: the Base64 of its {@link SpoolCodec} bytes, a space,
 * the CRC-32 of those bytes in hex, and a newline. Each append is forced to disk before it returns.
 *
 * <p>A crash mid-append leaves a torn last line. Opening seals it with a newline so later appends
 * start clean; reading skips any line that is cut short or fails its CRC and counts it in {@link
 * #tornLines()} rather than failing. Not thread-safe: one writer worker owns it.
 */
public final class DiskSpool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DiskSpool.class);
  private static final int READ_BUFFER = 64 * 1024;

  /** Calls read from {@code position}, the position after them, and how many lines were bad. */
  public record Chunk(List<LoggedCall> calls, long next, int torn) {}

  private final Path file;
  private final FileChannel channel;
  private long torn;

  private DiskSpool(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** Opens (creating it and its directory if needed) the spool file and seals a torn tail. */
  public static DiskSpool open(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    long size = ch.size();
    if (size > 0) {
      ByteBuffer last = ByteBuffer.allocate(1);
      ch.read(last, size - 1);
      if (last.get(0) != '\n') {
        log.warn("spool {} ends in a torn line (crash mid-write?); it will be skipped", file);
        ch.write(ByteBuffer.wrap(new byte[] {'\n'}), size);
        ch.force(false);
      }
    }
    return new DiskSpool(file, ch);
  }

  /** The spool file. */
  public Path file() {
    return file;
  }

  /** Appends {@code calls} in order and forces them to disk; on failure nothing is appended. */
  public void append(List<LoggedCall> calls) throws IOException {
    if (calls.isEmpty()) {
      return;
    }
    ByteArrayOutputStream lines = new ByteArrayOutputStream(calls.size() * 512);
    for (LoggedCall call : calls) {
      lines.writeBytes(line(SpoolCodec.encode(call)));
    }
    long start = channel.size();
    try {
      ByteBuffer buf = ByteBuffer.wrap(lines.toByteArray());
      long at = start;
      while (buf.hasRemaining()) {
        at += channel.write(buf, at);
      }
      channel.force(false);
    } catch (IOException e) {
      try {
        channel.truncate(start);
      } catch (IOException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
  }

  /** Up to {@code max} calls starting at byte {@code position} (0 for the beginning). */
  public Chunk read(long position, int max) throws IOException {
    if (position < 0 || max < 1) {
      throw new IllegalArgumentException("bad read: position " + position + ", max " + max);
    }
    List<LoggedCall> calls = new ArrayList<>();
    int bad = 0;
    long size = channel.size();
    long pos = position;
    ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
    ByteBuffer buf = ByteBuffer.allocate(READ_BUFFER);
    long lineStart = pos;
    outer:
    while (pos < size && calls.size() < max) {
      buf.clear();
      int n = channel.read(buf, pos);
      if (n <= 0) {
        break;
      }
      buf.flip();
      while (buf.hasRemaining()) {
        byte b = buf.get();
        pos++;
        if (b != '\n') {
          line.write(b);
          continue;
        }
        LoggedCall call = parse(line.toByteArray());
        line.reset();
        lineStart = pos;
        if (call == null) {
          bad++;
        } else {
          calls.add(call);
          if (calls.size() >= max) {
            break outer;
          }
        }
      }
    }
    if (line.size() > 0 && pos >= size) {
      // A last line without its newline: cut short by a crash. Skip it.
      bad++;
      lineStart = size;
    }
    torn += bad;
    if (bad > 0) {
      log.warn("spool {}: skipped {} torn or corrupt lines", file, bad);
    }
    return new Chunk(calls, lineStart, bad);
  }

  /** The spool's length in bytes; 0 when nothing waits. */
  public long size() throws IOException {
    return channel.size();
  }

  /** Whether nothing waits in the spool. */
  public boolean isEmpty() throws IOException {
    return channel.size() == 0;
  }

  /** Empties the spool once everything in it is safely elsewhere. */
  public void clear() throws IOException {
    channel.truncate(0);
    channel.force(true);
  }

  /** How many lines reads have skipped as torn or corrupt since open. */
  public long tornLines() {
    return torn;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private static byte[] line(byte[] payload) {
    CRC32 crc = new CRC32();
    crc.update(payload);
    String text =
        Base64.getEncoder().encodeToString(payload)
            + ' '
            + String.format("%08x", crc.getValue())
            + '\n';
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static LoggedCall parse(byte[] line) {
    String text = new String(line, StandardCharsets.US_ASCII);
    int space = text.indexOf(' ');
    if (space < 0 || text.length() - space - 1 != 8) {
      return null;
    }
    try {
      byte[] payload = Base64.getDecoder().decode(text.substring(0, space));
      CRC32 crc = new CRC32();
      crc.update(payload);
      if (crc.getValue() != Long.parseLong(text.substring(space + 1), 16)) {
        return null;
      }
      return SpoolCodec.decode(payload);
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }
}
