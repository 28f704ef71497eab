package org.tawag.supervisor;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
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
import org.tawag.agent.AudioPipe;
import org.tawag.media.AudioCodec;
import org.tawag.media.AudioSink;
import org.tawag.media.bridge.CallMixer;
import org.tawag.queue.QueueService;

/**
 * One supervisor's browser on {@value SupervisorGateway#PATH}: receives wallboard snapshots as
 * text, sends actions ({@code setState}, {@code logout}, {@code listen}, {@code whisper}, {@code
 * barge}, {@code stopListen}) and, on a supervised call, gets the caller and the operator mixed as
 * binary frames in the agent socket's format ({@link AgentFrames}) and sends its microphone the
 * same way (heard only while whispering or barging). Protocol: docs/supervisor-protocol.md.
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

  /** The socket's context: its handlers and the listening state run here. */
  private final Context context = Vertx.currentContext();

  private final ServerWebSocket ws;
  private final String supervisor;
  private final QueueService acd;
  private final Set<String> agents;
  private QueueService.Supervision supervision;
  private String listeningTo;
  private CallMixer.Mode mode;
  private volatile AudioPipe microphone;
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
    ws.binaryMessageHandler(s::onBinary);
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

  /** The type of the text message being handled, named in its errors. */
  private String request;

  private void onText(String text) {
    request = null;
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
    request = type.isEmpty() ? null : type.length() > 32 ? type.substring(0, 32) : type;
    switch (type) {
      case "setState" -> onSetState(m);
      case "logout" ->
          withAgent(
              m,
              a -> {
                audit.info("supervisor {} logged out agent {}", supervisor, a);
                acd.logOut(a);
              });
      case "listen" -> onSupervise(m, CallMixer.Mode.LISTEN);
      case "whisper" -> onSupervise(m, CallMixer.Mode.WHISPER);
      case "barge" -> onSupervise(m, CallMixer.Mode.BARGE);
      case "stopListen" -> {
        if (listeningTo != null) {
          audit.info("supervisor {} stopped listening to call {}", supervisor, listeningTo);
        }
        stopListen();
        sendListening(null);
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

  private void onSupervise(JsonObject m, CallMixer.Mode next) {
    String callId = m.getValue("callId") instanceof String c ? c : null;
    if (callId != null && callId.equals(listeningTo)) {
      audit.info("supervisor {} {} call {}", supervisor, verb(next), callId);
      supervision.mode(next);
      mode = next;
      sendListening(null);
      return;
    }
    stopListen();
    AudioPipe mic = new AudioPipe();
    CallMixer.Supervisor me = new CallMixer.Supervisor(new Tap(), mic, () -> callEnded(callId));
    Optional<QueueService.Supervision> s =
        callId == null ? Optional.empty() : acd.supervise(callId, me, next);
    if (s.isEmpty()) {
      error("no_such_call", "no live call with that callId");
      return;
    }
    audit.info("supervisor {} {} call {}", supervisor, verb(next), callId);
    supervision = s.get();
    listeningTo = callId;
    mode = next;
    microphone = mic;
    sendListening(null);
  }

  private static String verb(CallMixer.Mode m) {
    return switch (m) {
      case LISTEN -> "listens to";
      case WHISPER -> "whispers on";
      case BARGE -> "barges in on";
    };
  }

  /** The supervised call or its operator's part ended; runs on the call's loop. */
  private void callEnded(String callId) {
    context.runOnContext(
        v -> {
          if (callId.equals(listeningTo)) {
            supervision = null;
            listeningTo = null;
            microphone = null;
            sendListening("ended");
          }
        });
  }

  private void sendListening(String reason) {
    JsonObject m = new JsonObject().put("type", "listening");
    m.put("callId", listeningTo).put("mode", mode == null || listeningTo == null ? null : name());
    if (reason != null) {
      m.put("reason", reason);
    }
    send(m.encode());
  }

  private String name() {
    return mode.name().toLowerCase(java.util.Locale.ROOT);
  }

  private void stopListen() {
    QueueService.Supervision s = supervision;
    supervision = null;
    listeningTo = null;
    microphone = null;
    if (s != null) {
      s.stop();
    }
  }

  /** The supervisor's microphone: kept only while on a call, heard when the mode lets it. */
  private void onBinary(Buffer b) {
    byte[] frame = b.getBytes();
    AudioCodec codec = AgentFrames.codecOf(frame);
    AudioPipe mic = microphone;
    if (codec != null && mic != null) {
      mic.push(codec, frame, AgentFrames.HEADER);
    }
  }

  private void error(String code, String text) {
    JsonObject e = new JsonObject().put("type", "error").put("code", code).put("message", text);
    if (request != null) {
      e.put("request", request);
    }
    send(e.encode());
  }

  /** The caller and the operator mixed, to this browser; runs on the call's media loop. */
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
