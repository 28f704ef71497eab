package org.tawag.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One simulated operator on Tawag's agent WebSocket ({@code /agent/v1}, docs/agent-protocol.md):
 * says {@code ready}, answers every offer at once, sends the caller's audio straight back (each
 * binary frame echoed as it came, so the caller's echo check measures caller → Tawag → operator
 * socket → Tawag → caller), and files each ended call with {@code wrapup information_only} so that
 * it is available again at once.
 *
 * <p>The JDK client allows one outstanding text-or-binary send per socket, so sends go through
 * {@link #sendText}/{@link #echo}: control messages wait their turn in a queue; an audio frame that
 * finds a send still in progress is dropped and counted, as Tawag does with a slow browser.
 * Listener callbacks of one socket never overlap (the client delivers one message after
 * {@code request(1)}); the counters are read after the run.
 */
final class Operator implements WebSocket.Listener {
  private final String name;
  private final OfferLog offers;
  private final CompletableFuture<Void> available = new CompletableFuture<>();
  private final StringBuilder text = new StringBuilder();
  private final ByteBuffer binary = ByteBuffer.allocate(1024);
  private volatile WebSocket ws;

  private final ArrayDeque<String> queued = new ArrayDeque<>(); // Guarded by this.
  private boolean sending; // Guarded by this.
  private long framesDropped; // Guarded by this.
  private long sendErrors; // Guarded by this.

  // Listener callbacks (one at a time).
  String lastState = "";
  long framesIn;
  long framesEchoed;
  long badFrames;
  long connected;
  long ended;
  long cancelled;
  long errors;
  String lastError = "";
  volatile int closeCode = -1;

  Operator(String name, OfferLog offers) {
    this.name = name;
    this.offers = offers;
  }

  String name() {
    return name;
  }

  /** Opens the socket with the session {@code cookie} and the server's own Origin. */
  CompletableFuture<Operator> connect(HttpClient client, String host, int httpPort, String cookie) {
    String origin = "http://" + host + ":" + httpPort;
    return client
        .newWebSocketBuilder()
        .connectTimeout(Duration.ofSeconds(30))
        .header("Cookie", cookie)
        .header("Origin", origin)
        .buildAsync(URI.create("ws://" + host + ":" + httpPort + "/agent/v1"), this)
        .thenApply(
            w -> {
              ws = w;
              return this;
            });
  }

  /** Completes when Tawag first reports this operator {@code available}. */
  CompletableFuture<Void> available() {
    return available;
  }

  synchronized long framesDropped() {
    return framesDropped;
  }

  synchronized long sendErrors() {
    return sendErrors;
  }

  /** Logs out and closes the socket (best effort). */
  CompletableFuture<?> close() {
    WebSocket w = ws;
    if (w == null || w.isOutputClosed()) {
      return CompletableFuture.completedFuture(null);
    }
    sendText("{\"type\":\"logout\"}");
    return w.sendClose(WebSocket.NORMAL_CLOSURE, "bench done")
        .exceptionally(t -> null)
        .orTimeout(5, java.util.concurrent.TimeUnit.SECONDS);
  }

  @Override
  public void onOpen(WebSocket w) {
    ws = w;
    w.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
    text.append(data);
    if (last) {
      String m = text.toString();
      text.setLength(0);
      handle(w, m);
    }
    w.request(1);
    return null;
  }

  private void handle(WebSocket w, String m) {
    String type = JsonFields.string(m, "type");
    if (type == null) {
      return;
    }
    switch (type) {
      case "welcome" -> sendText("{\"type\":\"ready\"}");
      case "state" -> {
        lastState = String.valueOf(JsonFields.string(m, "state"));
        if (lastState.equals("available")) {
          available.complete(null);
        }
      }
      case "offer" -> {
        long now = System.nanoTime();
        String callId = JsonFields.string(m, "callId");
        offers.offered(callId, now);
        sendText("{\"type\":\"answer\",\"callId\":" + JsonFields.quote(callId) + "}");
      }
      case "connected" -> connected++;
      case "ended" -> {
        ended++;
        String callId = JsonFields.string(m, "callId");
        sendText(
            "{\"type\":\"wrapup\",\"callId\":"
                + JsonFields.quote(callId)
                + ",\"disposition\":\"information_only\"}");
      }
      case "offerCancelled" -> cancelled++;
      case "error" -> {
        errors++;
        lastError = String.valueOf(JsonFields.string(m, "code"));
      }
      default -> {
        // pong, screenPop, replaced...: nothing to do
      }
    }
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
    if (binary.remaining() >= data.remaining()) {
      binary.put(data);
    } else {
      binary.position(binary.limit()); // oversized: marked bad below
    }
    if (last) {
      binary.flip();
      int len = binary.remaining();
      if (len == 168 && binary.get(0) == 1) {
        framesIn++;
        ByteBuffer copy = ByteBuffer.allocate(len);
        copy.put(binary).flip();
        if (echo(copy)) {
          framesEchoed++;
        }
      } else {
        badFrames++;
      }
      binary.clear();
    }
    w.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket w, int statusCode, String reason) {
    closeCode = statusCode;
    available.completeExceptionally(
        new IllegalStateException(name + ": socket closed " + statusCode + " " + reason));
    return null;
  }

  @Override
  public void onError(WebSocket w, Throwable error) {
    closeCode = 1006;
    available.completeExceptionally(error);
  }

  /** Sends a control message now, or after the send in progress. */
  void sendText(String message) {
    synchronized (this) {
      if (sending) {
        queued.add(message);
        return;
      }
      sending = true;
    }
    ws.sendText(message, true).whenComplete(this::sent);
  }

  /** Sends an audio frame now, or drops it when a send is in progress; true when sent. */
  private boolean echo(ByteBuffer frame) {
    synchronized (this) {
      if (sending) {
        framesDropped++;
        return false;
      }
      sending = true;
    }
    ws.sendBinary(frame, true).whenComplete(this::sent);
    return true;
  }

  private void sent(WebSocket w, Throwable error) {
    String next;
    synchronized (this) {
      if (error != null) {
        sendErrors++;
      }
      next = queued.poll();
      if (next == null) {
        sending = false;
        return;
      }
    }
    ws.sendText(next, true).whenComplete(this::sent);
  }
}
