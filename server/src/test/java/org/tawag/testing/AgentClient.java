package org.tawag.testing;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.tawag.agent.AgentFrames;
import org.tawag.media.AudioCodec;

/**
 * A test operator: the JDK's WebSocket client on the real agent socket, with a session cookie and
 * an Origin like a browser. Collects control messages, records received audio frames, and can send
 * a paced tone.
 */
public final class AgentClient implements AutoCloseable {
  /** One audio frame received from the server. */
  public record Frame(long nanos, AudioCodec codec, int seq, byte[] payload) {}

  private final WebSocket ws;
  private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
  private final List<Frame> frames = new ArrayList<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
  private ScheduledFuture<?> tone;

  private AgentClient(WebSocket.Builder builder, URI uri) throws Exception {
    ws = builder.buildAsync(uri, new Listener()).get(10, TimeUnit.SECONDS);
  }

  /** Connects to {@code ws://127.0.0.1:<port>/agent/v1} with {@code cookie} and a same origin. */
  public static AgentClient connect(int httpPort, String cookie) throws Exception {
    return connect(httpPort, cookie, "http://127.0.0.1:" + httpPort);
  }

  /** Connects with a given Origin header. */
  public static AgentClient connect(int httpPort, String cookie, String origin) throws Exception {
    WebSocket.Builder b =
        HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    if (origin != null) {
      b.header("Origin", origin);
    }
    return new AgentClient(b, URI.create("ws://127.0.0.1:" + httpPort + "/agent/v1"));
  }

  /** Connects to {@code uri} (ws: or wss:) through {@code client}, with a cookie and an Origin. */
  public static AgentClient connect(HttpClient client, URI uri, String cookie, String origin)
      throws Exception {
    return new AgentClient(
        client
            .newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .header("Cookie", cookie)
            .header("Origin", origin),
        uri);
  }

  /**
   * Sends a control message. Sends are serialised with the tone's frames: the JDK WebSocket refuses
   * a send while another is pending, which would kill the tone's task.
   */
  public void send(JsonObject message) {
    synchronized (ws) {
      ws.sendText(message.encode(), true).join();
    }
  }

  /** Sends {@code {"type": type, ...fields}}. */
  public void send(String type, Object... keyValues) {
    JsonObject m = new JsonObject().put("type", type);
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    send(m);
  }

  /** The next message of {@code type}, skipping others; fails after {@code timeout}. */
  public JsonObject await(String type, Duration timeout) throws InterruptedException {
    return await(m -> type.equals(m.getString("type")), type, timeout);
  }

  /** The next message matching {@code test}, skipping others. */
  public JsonObject await(Predicate<JsonObject> test, String what, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> skipped = new ArrayList<>();
    while (true) {
      long left = deadline - System.nanoTime();
      JsonObject m = left > 0 ? messages.poll(left, TimeUnit.NANOSECONDS) : null;
      if (m == null) {
        throw new AssertionError("no " + what + " within " + timeout + "; skipped " + skipped);
      }
      if (test.test(m)) {
        return m;
      }
      skipped.add(m.encode());
    }
  }

  /** The state message that says {@code state}. */
  public JsonObject awaitState(String state, Duration timeout) throws InterruptedException {
    return await(
        m -> "state".equals(m.getString("type")) && state.equals(m.getString("state")),
        "state " + state,
        timeout);
  }

  /** Starts sending a {@code hz} tone as PCMU frames every 20 ms until {@link #stopTone()}. */
  public void startTone(int hz) {
    ToneGenerator generator = new ToneGenerator(hz, 0.5, 8000);
    short[] pcm = new short[AudioCodec.FRAME_SAMPLES];
    int[] n = {0};
    tone =
        pacer.scheduleAtFixedRate(
            () -> {
              generator.next(pcm, 0, pcm.length);
              byte[] payload = new byte[AudioCodec.FRAME_SAMPLES];
              org.tawag.media.codec.G711.encode(AudioCodec.PCMU, pcm, 0, payload, 0, pcm.length);
              byte[] out = new byte[AgentFrames.LENGTH];
              AgentFrames.encode(AudioCodec.PCMU, n[0] & 0xFFFF, n[0] * 160L, payload, out);
              n[0]++;
              synchronized (ws) {
                ws.sendBinary(ByteBuffer.wrap(out), true).join();
              }
            },
            0,
            20,
            TimeUnit.MILLISECONDS);
  }

  /** Stops the tone. */
  public void stopTone() {
    if (tone != null) {
      tone.cancel(false);
    }
  }

  /** Audio frames received after {@code nanos}. */
  public synchronized List<Frame> framesAfter(long nanos) {
    return frames.stream().filter(f -> f.nanos() >= nanos).toList();
  }

  /**
   * Of the audio frames received between {@code from} and {@code to} ({@link System#nanoTime}), how
   * many carry a {@code hz} tone ({@code [0]}) and how many there were ({@code [1]}).
   */
  public synchronized long[] toneFrames(long from, long to, double hz) {
    List<Frame> heard = frames.stream().filter(f -> f.nanos() >= from && f.nanos() < to).toList();
    long tone =
        heard.stream()
            .filter(f -> ToneDetector.hasTone(f.codec(), f.payload(), 0, f.payload().length, hz))
            .count();
    return new long[] {tone, heard.size()};
  }

  /** The close status code, when the server closes the socket. */
  public CompletableFuture<Integer> closed() {
    return closed;
  }

  /** Drops the connection without a close handshake, like a browser whose network died. */
  public void abort() {
    stopTone();
    ws.abort();
  }

  @Override
  public void close() {
    stopTone();
    pacer.shutdownNow();
    if (!ws.isOutputClosed()) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS);
    }
    ws.abort();
  }

  private synchronized void addFrame(Frame f) {
    frames.add(f);
    notifyAll();
  }

  /**
   * Waits until {@code n} frames received after {@code nanos} match {@code test}; returns how many
   * did, fewer than {@code n} on timeout.
   */
  public synchronized long awaitFrames(
      long nanos, java.util.function.Predicate<Frame> test, int n, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long seen;
    while ((seen = framesAfter(nanos).stream().filter(test).count()) < n) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return seen;
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();
    private ByteBuffer binary = ByteBuffer.allocate(4096);

    @Override
    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        messages.add(new JsonObject(text.toString()));
        text.setLength(0);
      }
      w.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
      binary.put(data);
      if (last) {
        binary.flip();
        byte[] b = new byte[binary.remaining()];
        binary.get(b);
        binary.clear();
        AudioCodec codec = AgentFrames.codecOf(b);
        if (codec != null) {
          byte[] payload = java.util.Arrays.copyOfRange(b, AgentFrames.HEADER, b.length);
          addFrame(new Frame(System.nanoTime(), codec, AgentFrames.seq(b), payload));
        }
      }
      w.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket w, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket w, Throwable error) {
      closed.complete(-1);
    }
  }
}
