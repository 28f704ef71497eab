package org.tawag.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tawag.media.AudioCodec;
import org.tawag.media.rtp.RtpHeader;

/**
 * A minimal RTP peer for tests: one loopback socket that records every packet Tawag sends and can
 * stream a tone back to where Tawag's packets come from (which also proves symmetric RTP).
 */
public final class RtpProbe implements AutoCloseable {
  /** One received RTP packet. */
  public record Packet(
      long nanos, int payloadType, int sequence, long timestamp, long ssrc, byte[] payload) {}

  private final DatagramSocket socket;
  private final List<Packet> received = new ArrayList<>();
  private final CompletableFuture<SocketAddress> firstSource = new CompletableFuture<>();
  private final Thread reader;
  private final ScheduledExecutorService sender =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "rtp-probe-sender"));
  private volatile boolean closed;

  public RtpProbe() throws IOException {
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    socket.setSoTimeout(200);
    reader = new Thread(this::read, "rtp-probe-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** The local port to write into the SDP. */
  public int port() {
    return socket.getLocalPort();
  }

  /** Completes with the source address of the first packet Tawag sends. */
  public CompletableFuture<SocketAddress> firstSource() {
    return firstSource;
  }

  /**
   * Streams {@code frames} 20 ms frames of a sine at {@code hz} to {@code target} in real time;
   * completes when the last one is sent.
   */
  public CompletableFuture<Void> sendTone(
      SocketAddress target, AudioCodec codec, double hz, int frames) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    ToneGenerator tone = new ToneGenerator(hz, 0.5, 8000);
    short[] pcm = new short[AudioCodec.FRAME_SAMPLES];
    byte[] packet = new byte[RtpHeader.LENGTH + AudioCodec.FRAME_SAMPLES];
    int[] sent = {0};
    long ssrc = 0x5eed1234L;
    var task =
        sender.scheduleAtFixedRate(
            () -> {
              if (sent[0] >= frames) {
                done.complete(null);
                return;
              }
              tone.next(pcm, 0, pcm.length);
              RtpHeader.write(
                  packet,
                  0,
                  codec.payloadType(),
                  sent[0] == 0,
                  1000 + sent[0],
                  160L * sent[0],
                  ssrc);
              org.tawag.media.codec.G711.encode(
                  codec, pcm, 0, packet, RtpHeader.LENGTH, pcm.length);
              try {
                socket.send(new DatagramPacket(packet, packet.length, target));
              } catch (IOException e) {
                done.completeExceptionally(e);
              }
              sent[0]++;
            },
            0,
            20,
            TimeUnit.MILLISECONDS);
    done.whenComplete((v, e) -> task.cancel(false));
    return done;
  }

  /**
   * Packets received from {@code from} to {@code to} (nanoTime) whose 160-byte PCMU payload carries
   * a {@code hz} tone.
   */
  public synchronized long tonePackets(long from, long to, double hz) {
    return receivedAfter(from).stream()
        .filter(p -> p.nanos() < to && p.payload().length >= 160)
        .filter(p -> ToneDetector.hasTone(AudioCodec.PCMU, p.payload(), 0, 160, hz))
        .count();
  }

  /**
   * Packets received from {@code from} to {@code to} (nanoTime) whose 160-byte PCMU payload carries
   * {@code hz} as one tone of a mix ({@link ToneDetector#hasToneInMix}).
   */
  public synchronized long tonePacketsInMix(long from, long to, double hz) {
    return receivedAfter(from).stream()
        .filter(p -> p.nanos() < to && p.payload().length >= 160)
        .filter(p -> ToneDetector.hasToneInMix(AudioCodec.PCMU, p.payload(), 0, 160, hz))
        .count();
  }

  /**
   * Waits until {@code n} packets received after {@code from} (nanoTime) carry {@code hz} in a mix;
   * returns how many did, fewer than {@code n} on timeout.
   */
  public synchronized long awaitTonePacketsInMix(
      long from, double hz, int n, java.time.Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long seen;
    while ((seen = tonePacketsInMix(from, Long.MAX_VALUE, hz)) < n) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return seen;
  }

  /** Waits until {@code n} packets have arrived; false on timeout. */
  public synchronized boolean awaitPackets(int n, java.time.Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (received.size() < n) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /** Every packet received so far. */
  public synchronized List<Packet> received() {
    return List.copyOf(received);
  }

  /** Packets received after {@code nanos} (a {@link System#nanoTime()} value). */
  public synchronized List<Packet> receivedAfter(long nanos) {
    return received.stream().filter(p -> p.nanos() >= nanos).toList();
  }

  private void read() {
    byte[] buf = new byte[2048];
    while (!closed) {
      DatagramPacket dp = new DatagramPacket(buf, buf.length);
      try {
        socket.receive(dp);
      } catch (SocketTimeoutException e) {
        continue;
      } catch (IOException e) {
        return;
      }
      RtpHeader h = RtpHeader.parse(buf, 0, dp.getLength());
      if (h == null) {
        continue;
      }
      byte[] payload =
          java.util.Arrays.copyOfRange(
              buf, h.payloadOffset(), h.payloadOffset() + h.payloadLength());
      synchronized (this) {
        notifyAll();
        received.add(
            new Packet(
                System.nanoTime(),
                h.payloadType(),
                h.sequence(),
                h.timestamp(),
                h.ssrc(),
                payload));
      }
      firstSource.complete(dp.getSocketAddress());
    }
  }

  @Override
  public void close() {
    closed = true;
    sender.shutdownNow();
    socket.close();
  }
}
