package org.tawag.supervisor;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.agent.AgentFrames;
import org.tawag.media.AudioCodec;
import org.tawag.media.AudioSink;
import org.tawag.queue.QueueService;

/**
 * One supervisor's browser on {@value SupervisorGateway#PATH}: receives wallboard snapshots as
 * text, sends actions ({@code setState}, {@code logout}, {@code listen}, {@code stopListen}) and
 * gets the listened call's audio as binary frames in the agent socket's format ({@link
 * AgentFrames}): the caller's side only.
 *
 * <p>Every action is written to the {@code tawag.audit} log with the supervisor's user name, the
 * operator's id and the call id, never a caller's number.
 */
final class SupervisorSocket {
  private static final Logger log = LoggerFactory.getLogger(SupervisorSocket.class);
  private static final Logger audit = LoggerFactory.getLogger("tawag.audit");

  /** Bytes of unsent data after which audio frames are dropped. */
  static final int WRITE_QUEUE_BYTES = 16 * 1024;

  /** Longest text message accepted, in characters. */
  static final int MAX_TEXT = 4 * 1024;

  private final ServerWebSocket ws;
  private final String supervisor;
  private final QueueService acd;
  private final Set<String> agents;
  private Runnable stopListening;
  private String listeningTo;
  private volatile boolean closed;

  private SupervisorSocket(
      ServerWebSocket ws, String supervisor, QueueService acd, Set<String> agents) {
    this.ws = ws;
    this.supervisor = supervisor;
    this.acd = acd;
    this.agents = agents;
  }

  /** Takes over an authenticated socket; {@code onClose} hears when it closes. */
  static SupervisorSocket open(
      ServerWebSocket ws,
      String supervisor,
      QueueService acd,
      Set<String> agents,
      Consumer<SupervisorSocket> onClose) {
    SupervisorSocket s = new SupervisorSocket(ws, supervisor, acd, agents);
    ws.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
    ws.textMessageHandler(s::onText);
    ws.exceptionHandler(e -> log.debug("supervisor socket error: {}", e.toString()));
    ws.closeHandler(
        v -> {
          s.closed = true;
          s.stopListen();
          onClose.accept(s);
        });
    s.send(
        new JsonObject()
            .put("type", "welcome")
            .put("supervisor", supervisor)
            .put("audio", new JsonObject().put("format", AgentFrames.VERSION).put("frameMs", 20))
            .encode());
    return s;
  }

  boolean isClosed() {
    return closed;
  }

  /** Sends a text message unless the socket is closed; any thread. */
  void send(String text) {
    if (!closed && !ws.isClosed()) {
      ws.writeTextMessage(text);
    }
  }

  private void onText(String text) {
    if (text.length() > MAX_TEXT) {
      error("too_large", "message too long");
      return;
    }
    JsonObject m;
    try {
      m = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      error("bad_json", "not a JSON object");
      return;
    }
    String type = m.getValue("type") instanceof String t ? t : "";
    switch (type) {
      case "setState" -> onSetState(m);
      case "logout" ->
          withAgent(
              m,
              a -> {
                audit.info("supervisor {} logged out agent {}", supervisor, a);
                acd.logOut(a);
              });
      case "listen" -> onListen(m);
      case "stopListen" -> {
        if (listeningTo != null) {
          audit.info("supervisor {} stopped listening to call {}", supervisor, listeningTo);
        }
        stopListen();
        send(new JsonObject().put("type", "listening").putNull("callId").encode());
      }
      case "ping" -> send(new JsonObject().put("type", "pong").put("t", m.getValue("t")).encode());
      default -> error("unknown_type", "unknown message type");
    }
  }

  private void onSetState(JsonObject m) {
    String state = m.getValue("state") instanceof String s ? s : "";
    String reason = m.getValue("reason") instanceof String r ? r.strip() : "";
    switch (state) {
      case "ready" ->
          withAgent(
              m,
              a -> {
                audit.info("supervisor {} set agent {} ready", supervisor, a);
                acd.ready(a);
              });
      case "pause" -> {
        if (reason.isEmpty() || reason.length() > 64) {
          error("bad_field", "reason must be 1-64 characters");
          return;
        }
        withAgent(
            m,
            a -> {
              audit.info("supervisor {} paused agent {}", supervisor, a);
              acd.pause(a, reason);
            });
      }
      default -> error("bad_field", "state must be ready or pause");
    }
  }

  private void withAgent(JsonObject m, Consumer<String> action) {
    String agent = m.getValue("agent") instanceof String a ? a : null;
    if (agent == null || !agents.contains(agent)) {
      error("no_such_agent", "no operator with that id is in a queue");
      return;
    }
    action.accept(agent);
  }

  private void onListen(JsonObject m) {
    String callId = m.getValue("callId") instanceof String c ? c : null;
    stopListen();
    Optional<Runnable> stop = callId == null ? Optional.empty() : acd.listen(callId, new Tap());
    if (stop.isEmpty()) {
      error("no_such_call", "no live call with that callId");
      return;
    }
    audit.info("supervisor {} listens to call {}", supervisor, callId);
    stopListening = stop.get();
    listeningTo = callId;
    send(new JsonObject().put("type", "listening").put("callId", callId).encode());
  }

  private void stopListen() {
    Runnable stop = stopListening;
    stopListening = null;
    listeningTo = null;
    if (stop != null) {
      stop.run();
    }
  }

  private void error(String code, String text) {
    send(new JsonObject().put("type", "error").put("code", code).put("message", text).encode());
  }

  /** The caller's frames to this browser; runs on the call's media loop. */
  private final class Tap implements AudioSink {
    private int seq;
    private long timestamp;

    @Override
    public void write(AudioCodec codec, byte[] frame) {
      if (closed || ws.isClosed() || ws.writeQueueFull()) {
        return;
      }
      byte[] out = new byte[AgentFrames.LENGTH];
      AgentFrames.encode(codec, seq, timestamp, frame, out);
      seq = (seq + 1) & 0xFFFF;
      timestamp = (timestamp + AudioCodec.FRAME_SAMPLES) & 0xFFFFFFFFL;
      ws.writeBinaryMessage(Buffer.buffer(out));
    }
  }
}
