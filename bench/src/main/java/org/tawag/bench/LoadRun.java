package org.tawag.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.Map;

/**
 * One run of the caller side: the calls with their RTP sockets, the SIP socket and the three
 * threads ({@link SipCaller}, {@link RtpSender}, {@link RtpReceiver}). Opened before it starts so
 * that other parts of the bench (the simulated operators) can learn the Call-IDs first.
 */
final class LoadRun implements AutoCloseable {
  private final LoadConfig config;
  private final EchoCall[] calls;
  private final String runId;
  private final DatagramChannel sip;
  private final SipCaller caller;
  private final RtpSender sender;
  private final RtpReceiver receiver;
  private final Thread rx;
  private final Thread tx;
  private final Thread sipThread;
  private long startNanos;

  private LoadRun(LoadConfig config, EchoCall[] calls, DatagramChannel sip) throws IOException {
    this.config = config;
    this.calls = calls;
    this.sip = sip;
    this.runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    this.caller = new SipCaller(config, calls, sip, runId);
    this.sender = new RtpSender(calls, config.maxFrames());
    this.receiver = new RtpReceiver(calls);
    this.rx = new Thread(receiver, "rtp-rx");
    this.tx = new Thread(sender, "rtp-tx");
    this.sipThread = new Thread(caller, "sip");
    rx.setPriority(Thread.MAX_PRIORITY);
    tx.setPriority(Thread.MAX_PRIORITY);
  }

  /** Binds every call's RTP socket (even ports from {@code rtpBase}) and the SIP socket. */
  static LoadRun open(LoadConfig config) throws IOException {
    EchoCall[] calls = new EchoCall[config.calls()];
    int port = config.rtpBase();
    DatagramChannel sip = null;
    try {
      for (int i = 0; i < calls.length; i++) {
        DatagramChannel ch = null;
        while (ch == null) {
          if (port > 65532) {
            throw new IOException("no free even UDP port left for call " + i);
          }
          DatagramChannel c = DatagramChannel.open();
          try {
            c.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 16);
            c.bind(new InetSocketAddress("127.0.0.1", port));
            ch = c;
          } catch (IOException e) {
            c.close();
            port += 2;
          }
        }
        calls[i] = new EchoCall(i, ch, port, config.maxFrames());
        port += 2;
      }
      sip = DatagramChannel.open();
      sip.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 22);
      sip.bind(new InetSocketAddress("127.0.0.1", config.sipPort()));
      return new LoadRun(config, calls, sip);
    } catch (IOException | RuntimeException e) {
      for (EchoCall c : calls) {
        if (c != null) {
          c.rtp.close();
        }
      }
      if (sip != null) {
        sip.close();
      }
      throw e;
    }
  }

  EchoCall[] calls() {
    return calls;
  }

  /** The Call-ID call {@code index} will use. */
  String callIdOf(int index) {
    return SipCaller.callIdOf(index, runId);
  }

  /** Calls answered and not yet hung up now (any thread). */
  int answeredNow() {
    return caller.answeredNow();
  }

  /** Starts placing calls. */
  void start() {
    startNanos = System.nanoTime();
    rx.start();
    tx.start();
    sipThread.start();
  }

  /** Waits for every call to finish and sums the run up (see {@link EchoLoad}). */
  Map<String, String> finish() throws InterruptedException {
    sipThread.join();
    long wall = System.nanoTime() - startNanos;
    sender.stop();
    receiver.stop();
    tx.join();
    rx.join();
    return EchoLoad.summarize(config, calls, caller, sender, receiver, wall);
  }

  @Override
  public void close() throws IOException {
    for (EchoCall c : calls) {
      c.rtp.close();
    }
    sip.close();
  }
}
