package org.tawag.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends every call's RTP from one thread: a 1 ms tick walks one of 20 slots (call i is in slot
 * i mod 20), so the 20 ms frames of all calls are spread over the period instead of leaving in one
 * burst. Each call sends the frames due since its answer (catching up at most 3 a tick), as 12-byte
 * RTP headers (RFC 3550 §5.1, PT 0) with a {@link ToneFrame} payload.
 */
final class RtpSender implements Runnable {
  private static final long TICK = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long FRAME = TimeUnit.MILLISECONDS.toNanos(20);
  private static final int SLOTS = 20;

  private final EchoCall[] calls;
  private final int maxFrames;
  private final DelayHistogram lateness = new DelayHistogram();
  private final byte[] frame = new byte[12 + ToneFrame.SAMPLES];
  private final ByteBuffer packet = ByteBuffer.allocateDirect(frame.length);
  private volatile boolean running = true;
  private long sendErrors;

  RtpSender(EchoCall[] calls, int maxFrames) {
    this.calls = calls;
    this.maxFrames = maxFrames;
    java.util.Random r = new java.util.Random(calls.length);
    for (EchoCall c : calls) {
      c.ssrc = r.nextInt();
      c.rtpSequence = r.nextInt(1 << 16);
      c.rtpTimestamp = r.nextInt();
    }
  }

  void stop() {
    running = false;
  }

  /** How late frames left against their 20 ms schedule (read after the thread ended). */
  DelayHistogram lateness() {
    return lateness;
  }

  long sendErrors() {
    return sendErrors;
  }

  @Override
  public void run() {
    long start = System.nanoTime();
    long tick = 0;
    while (running) {
      long target = start + tick * TICK;
      long now = System.nanoTime();
      if (target > now) {
        LockSupport.parkNanos(target - now);
        continue;
      }
      int slot = (int) (tick % SLOTS);
      for (int i = slot; i < calls.length; i += SLOTS) {
        EchoCall c = calls[i];
        if (c.sending) {
          sendDue(c, start, tick);
        }
      }
      tick++;
      long behind = System.nanoTime() - (start + tick * TICK);
      if (behind > FRAME) {
        tick += behind / TICK / SLOTS * SLOTS; // skip whole rounds; calls catch up frame by frame
      }
    }
  }

  private void sendDue(EchoCall c, long start, long tick) {
    int sent = c.framesSent;
    if (sent == 0) {
      c.firstTick = tick; // the call's 20 ms grid starts at its slot's first visit
    }
    // Due frames counted on the tick grid, not from clock readings, so that a visit a little
    // earlier in its tick than the previous one does not skip a frame.
    int due = (int) Math.min((tick - c.firstTick) / SLOTS + 1, maxFrames);
    for (int burst = 0; sent < due && burst < 3; burst++) {
      byte[] b = frame;
      b[0] = (byte) 0x80;
      b[1] = (byte) (sent == 0 ? 0x80 : 0x00); // marker on the first packet of the talkspurt
      int seq = c.rtpSequence + sent;
      int ts = c.rtpTimestamp + sent * ToneFrame.SAMPLES;
      b[2] = (byte) (seq >>> 8);
      b[3] = (byte) seq;
      b[4] = (byte) (ts >>> 24);
      b[5] = (byte) (ts >>> 16);
      b[6] = (byte) (ts >>> 8);
      b[7] = (byte) ts;
      b[8] = (byte) (c.ssrc >>> 24);
      b[9] = (byte) (c.ssrc >>> 16);
      b[10] = (byte) (c.ssrc >>> 8);
      b[11] = (byte) c.ssrc;
      ToneFrame.write(b, 12, c.index, sent);
      packet.clear();
      packet.put(b).flip();
      long at = System.nanoTime();
      c.sendNanos[sent] = at;
      try {
        c.rtp.write(packet);
      } catch (IOException e) {
        sendErrors++;
      }
      long late = at - (start + (c.firstTick + (long) sent * SLOTS) * TICK);
      lateness.add(late);
      if (late > TimeUnit.MILLISECONDS.toNanos(10)) {
        c.lateSends++;
      }
      sent++;
      c.framesSent = sent;
    }
  }
}
