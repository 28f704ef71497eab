package org.tawag.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * Receives every call's RTP on one selector thread and matches each echoed frame to the time it
 * was sent, by the {@link ToneFrame} marker. Each socket is connected to the call's negotiated
 * address, so the kernel drops other sources; frames marked with another call's index count as
 * foreign.
 */
final class RtpReceiver implements Runnable {
  private final EchoCall[] calls;
  private final Selector selector;
  private final DelayHistogram delay = new DelayHistogram();
  private final ByteBuffer in = ByteBuffer.allocateDirect(2048);
  private final byte[] head = new byte[64];
  private volatile boolean running = true;

  RtpReceiver(EchoCall[] calls) throws IOException {
    this.calls = calls;
    this.selector = Selector.open();
    for (EchoCall c : calls) {
      c.rtp.configureBlocking(false);
      c.rtp.register(selector, SelectionKey.OP_READ, c);
    }
  }

  void stop() {
    running = false;
    selector.wakeup();
  }

  /** The echo delays of all calls (read after the thread ended). */
  DelayHistogram delay() {
    return delay;
  }

  @Override
  public void run() {
    try (selector) {
      while (running) {
        selector.select(50);
        for (SelectionKey key : selector.selectedKeys()) {
          EchoCall c = (EchoCall) key.attachment();
          drain(c);
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException e) {
      throw new IllegalStateException("RTP receive failed", e);
    }
  }

  private void drain(EchoCall c) {
    // One packet a wakeup: a second read usually finds nothing and costs a system call, and the
    // level-triggered selector reports the channel again while anything is left.
    for (int i = 0; i < 1; i++) {
      in.clear();
      int len;
      try {
        if (!c.rtp.isConnected()) {
          // RTP that raced ahead of the 200 OK being handled: drop it.
          if (c.rtp.receive(in) == null) {
            return;
          }
          c.foreign++;
          continue;
        }
        len = c.rtp.read(in);
      } catch (IOException e) {
        // ICMP port unreachable after Tawag closed the leg, or a socket error: not an echo.
        c.foreign++;
        return;
      }
      if (len <= 0) {
        return;
      }
      long now = System.nanoTime();
      int n = Math.min(len, head.length);
      in.flip();
      in.get(head, 0, n);
      byte[] b = head;
      if (len < 12 || (b[0] & 0xC0) != 0x80) {
        c.foreign++;
        continue;
      }
      c.packetsIn++;
      if ((b[1] & 0x7F) != 0) {
        continue; // not PCMU (an RFC 4733 event, say): counted in, never echoed tone
      }
      int offset = 12 + 4 * (b[0] & 0x0F);
      int payload = Math.min(len, n) - offset;
      if (!ToneFrame.marked(b, offset, payload)) {
        c.fillFrames++;
        continue;
      }
      int frame = ToneFrame.frame(b, offset);
      if (ToneFrame.call(b, offset) != c.index || frame < 0 || frame >= c.framesSent) {
        c.foreign++;
        continue;
      }
      if (c.echoed.get(frame)) {
        c.duplicates++;
        continue;
      }
      c.echoed.set(frame);
      c.echoedFrames++;
      delay.add(now - c.sendNanos[frame]);
      if (c.firstEchoNanos < 0) {
        c.firstEchoNanos = now;
      }
      c.lastEchoNanos = now;
    }
  }
}
