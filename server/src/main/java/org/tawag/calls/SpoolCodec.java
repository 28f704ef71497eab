package org.tawag.calls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a {@link LoggedCall} inside a spool line: a version byte, then every field in
 * declaration order (strings and times with a presence flag, enums by code so reordering an enum
 * never changes what an old spool means).
 */
final class SpoolCodec {
  /** 2 added the customer and campaign contact (V8); version 1 lines still read. */
  private static final int VERSION = 2;

  private static final int MAX_EVENTS = 100_000;

  private SpoolCodec() {}

  static byte[] encode(LoggedCall call) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      CallRecord r = call.record();
      out.writeUTF(r.id());
      out.writeUTF(r.direction().code());
      text(out, r.trunk());
      text(out, r.caller());
      text(out, r.dialled());
      text(out, r.queue());
      text(out, r.agent());
      time(out, r.arrivedAt());
      time(out, r.queuedAt());
      time(out, r.offeredAt());
      time(out, r.answeredAt());
      time(out, r.endedAt());
      out.writeLong(r.waited().toMillis());
      out.writeLong(r.talked().toMillis());
      out.writeLong(r.held().toMillis());
      out.writeLong(r.wrapUp().toMillis());
      text(out, r.outcome() == null ? null : r.outcome().code());
      text(out, r.orderId());
      text(out, r.disposition());
      number(out, r.customerId());
      number(out, r.campaignContactId());
      out.writeInt(call.events().size());
      for (QueueEvent e : call.events()) {
        out.writeInt(e.seq());
        time(out, e.at());
        out.writeUTF(e.kind().code());
        text(out, e.agent());
        text(out, e.detail());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen writing to memory", e);
    }
    return bytes.toByteArray();
  }

  /**
   * The call in {@code payload}.
   *
   * @throws IOException when the payload is cut short
   * @throws IllegalArgumentException when a value is invalid
   */
  static LoggedCall decode(byte[] payload) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
    int version = in.readUnsignedByte();
    if (version != 1 && version != VERSION) {
      throw new IllegalArgumentException("unknown spool version " + version);
    }
    String id = in.readUTF();
    CallRecord.Direction direction = CallRecord.Direction.fromCode(in.readUTF());
    String trunk = text(in);
    String caller = text(in);
    String dialled = text(in);
    String queue = text(in);
    String agent = text(in);
    Instant arrivedAt = time(in);
    Instant queuedAt = time(in);
    Instant offeredAt = time(in);
    Instant answeredAt = time(in);
    Instant endedAt = time(in);
    Duration waited = Duration.ofMillis(in.readLong());
    Duration talked = Duration.ofMillis(in.readLong());
    Duration held = Duration.ofMillis(in.readLong());
    Duration wrapUp = Duration.ofMillis(in.readLong());
    String outcome = text(in);
    String orderId = text(in);
    String disposition = text(in);
    Long customerId = version >= 2 ? number(in) : null;
    Long campaignContactId = version >= 2 ? number(in) : null;
    CallRecord record =
        new CallRecord(
            id,
            direction,
            trunk,
            caller,
            dialled,
            queue,
            agent,
            arrivedAt,
            queuedAt,
            offeredAt,
            answeredAt,
            endedAt,
            waited,
            talked,
            held,
            wrapUp,
            outcome == null ? null : CallRecord.Outcome.fromCode(outcome),
            orderId,
            disposition,
            customerId,
            campaignContactId);
    int n = in.readInt();
    if (n < 0 || n > MAX_EVENTS) {
      throw new IllegalArgumentException("bad event count " + n);
    }
    List<QueueEvent> events = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int seq = in.readInt();
      Instant at = time(in);
      QueueEvent.Kind kind = QueueEvent.Kind.fromCode(in.readUTF());
      events.add(new QueueEvent(id, seq, at, kind, text(in), text(in)));
    }
    if (in.available() != 0) {
      throw new IllegalArgumentException(in.available() + " bytes after the call");
    }
    return new LoggedCall(record, events);
  }

  private static void number(DataOutputStream out, Long value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeLong(value);
    }
  }

  private static Long number(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readLong() : null;
  }

  private static void text(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  private static String text(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  private static void time(DataOutputStream out, Instant t) throws IOException {
    out.writeBoolean(t != null);
    if (t != null) {
      out.writeLong(t.getEpochSecond());
      out.writeInt(t.getNano());
    }
  }

  private static Instant time(DataInputStream in) throws IOException {
    return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
  }
}
