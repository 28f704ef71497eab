package org.tawag.agent;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.acd.AgentState;
import org.tawag.media.AudioCodec;
import org.tawag.media.AudioSink;
import org.tawag.orders.Disposition;
import org.tawag.orders.ValidationException;

/**
 * One operator's browser on the agent WebSocket (docs/agent-protocol.md): JSON control messages on
 * text frames, the call's audio on binary frames.
 *
 * <p>Control state lives on the socket's Vert.x context; the ACD and call loops hop onto it. Audio
 * to the browser is written straight from the call's media loop and is dropped and counted, never
 * queued, while the socket's write queue is full: a slow browser must not grow the server's memory
 * or the call's delay.
 */
public final class AgentSocket implements AgentLine {
  private static final Logger log = LoggerFactory.getLogger(AgentSocket.class);

  /** Bytes of unsent data after which audio frames are dropped: about 100 frames. */
  static final int WRITE_QUEUE_BYTES = 16 * 1024;

  /** Longest text message accepted from a browser, in characters. */
  static final int MAX_TEXT = 64 * 1024;

  private final String agentId;
  private final Vertx vertx;
  private final ServerWebSocket ws;
  private final Context context;
  private final AgentDesk desk;
  private final AgentSocketStats stats;
  private final AgentOrders orders;
  private final Map<String, OfferedCall> offers = new LinkedHashMap<>();

  private ConnectedCall call;
  private String wrapUpCallId;

  /** The operator's own call while it rings: it gets a screen pop once connected. */
  private String dialCallId;

  private volatile AudioPipe toCaller;
  private long heartbeatTimer = -1;
  private long qualityTimer = -1;
  private final CallQuality quality = new CallQuality();
  private long lastPong;
  private boolean closed;

  private AgentSocket(
      String agentId,
      Vertx vertx,
      ServerWebSocket ws,
      AgentDesk desk,
      AgentOrders orders,
      AgentSocketStats stats) {
    this.agentId = agentId;
    this.orders = orders;
    this.vertx = vertx;
    this.ws = ws;
    this.context = vertx.getOrCreateContext();
    this.desk = desk;
    this.stats = stats;
  }

  /**
   * Takes over an authenticated WebSocket for {@code agentId}; must run on the socket's context.
   * Sends {@code welcome}, connects the line to the desk, and starts heartbeats every {@code
   * heartbeatMillis}; two missed pongs close the socket.
   */
  public static AgentSocket open(
      Vertx vertx,
      ServerWebSocket ws,
      String agentId,
      AgentDesk desk,
      AgentOrders orders,
      AgentSocketStats stats,
      long heartbeatMillis) {
    AgentSocket s = new AgentSocket(agentId, vertx, ws, desk, orders, stats);
    ws.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
    ws.textMessageHandler(s::onText);
    ws.binaryMessageHandler(s::onBinary);
    ws.pongHandler(b -> s.lastPong = System.nanoTime());
    ws.exceptionHandler(e -> log.debug("agent {} socket error: {}", agentId, e.toString()));
    ws.closeHandler(v -> s.onClose());
    s.lastPong = System.nanoTime();
    s.heartbeatTimer = vertx.setPeriodic(heartbeatMillis, id -> s.heartbeat(heartbeatMillis));
    s.qualityTimer = vertx.setPeriodic(CallQuality.EVERY_MILLIS, id -> s.reportQuality());
    s.send(
        message("welcome")
            .put("protocol", AgentProtocol.VERSION)
            .put("agent", agentId)
            .put(
                "audio",
                new JsonObject()
                    .put("format", AgentFrames.VERSION)
                    .put("frameMs", 20)
                    .put("codecs", new JsonArray().add("PCMU").add("PCMA"))));
    s.send(orders.settingsMessage());
    stats.opened();
    desk.connected(s);
    return s;
  }

  @Override
  public String agentId() {
    return agentId;
  }

  // ---- from the ACD and call loops ----

  @Override
  public void offer(OfferedCall c) {
    context.runOnContext(
        v -> {
          offers.put(c.callId(), c);
          send(
              message("offer")
                  .put("callId", c.callId())
                  .put("caller", c.caller())
                  .put("queue", c.queue())
                  .put("waitedMs", c.waited().toMillis())
                  .put("ringMs", c.ringFor().toMillis()));
          orders
              .screenPop(c.callId(), c.caller())
              .thenAccept(pop -> context.runOnContext(w -> sendIfMine(c.callId(), pop)));
        });
  }

  @Override
  public void cancelOffer(String callId) {
    context.runOnContext(
        v -> {
          if (offers.remove(callId) != null) {
            send(message("offerCancelled").put("callId", callId));
          }
        });
  }

  @Override
  public AudioSink connect(ConnectedCall c, AudioPipe pipe) {
    toCaller = pipe;
    context.runOnContext(
        v -> {
          offers.remove(c.callId());
          call = c;
          quality.reset();
          send(
              message("connected")
                  .put("callId", c.callId())
                  .put("caller", c.caller())
                  .put("queue", c.queue())
                  .put("held", c.held())
                  .put("muted", c.muted()));
          if (c.callId().equals(dialCallId)) {
            // Who the operator dialled, as an offer's pop says who calls.
            dialCallId = null;
            orders
                .screenPop(c.callId(), c.caller())
                .thenAccept(pop -> context.runOnContext(w -> sendIfMine(c.callId(), pop)));
          }
        });
    return new Outgoing();
  }

  @Override
  public void callEnded(String callId, String endedBy) {
    context.runOnContext(
        v -> {
          if (call != null && call.callId().equals(callId)) {
            call = null;
            toCaller = null;
          }
          offers.remove(callId);
          wrapUpCallId = callId;
          send(message("ended").put("callId", callId).put("by", endedBy));
        });
  }

  @Override
  public void stateChanged(AgentState state, String reason, Instant since) {
    context.runOnContext(
        v ->
            send(
                message("state")
                    .put("state", AgentProtocol.stateName(state))
                    .put("reason", reason)
                    .put("since", since.toString())));
  }

  @Override
  public void dialing(String callId, String number) {
    context.runOnContext(
        v -> {
          dialCallId = callId;
          send(DialMessage.dialing(callId, number));
        });
  }

  @Override
  public void replaced() {
    context.runOnContext(
        v -> {
          send(message("replaced"));
          closeSocket((short) 4001, "replaced by a newer session");
        });
  }

  // ---- from the browser (on the context) ----

  /** The type of the text message being handled, named in its errors; null before the type. */
  private String request;

  private void onText(String text) {
    request = null;
    if (text.length() > MAX_TEXT) {
      error("too_large", "message longer than " + MAX_TEXT + " characters", null);
      return;
    }
    JsonObject m;
    try {
      m = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      error("bad_json", "not a JSON object", null);
      return;
    }
    String type = m.getValue("type") instanceof String t ? t : null;
    if (type == null) {
      error("bad_message", "missing type", "type");
      return;
    }
    // Bounded: the name is echoed back, so an unknown type is cut rather than sent back whole.
    request = type.length() > 32 ? type.substring(0, 32) : type;
    switch (type) {
      case "ready" -> desk.ready(agentId);
      case "pause" -> {
        String reason = m.getValue("reason") instanceof String r ? r.strip() : "";
        if (reason.isEmpty() || reason.length() > 64) {
          error("bad_field", "reason must be 1-64 characters", "reason");
        } else {
          desk.pause(agentId, reason);
        }
      }
      case "logout" -> desk.logOut(agentId);
      case "answer" -> onOffer(m, true);
      case "reject" -> onOffer(m, false);
      case "hangup" -> withCall(m, CallControl::hangUp);
      case "hold" -> withCall(m, CallControl::hold);
      case "resume" -> withCall(m, CallControl::resume);
      case "escalate" -> withCall(m, CallControl::escalate);
      case "mute" -> {
        if (!(m.getValue("on") instanceof Boolean on)) {
          error("bad_field", "on must be true or false", "on");
        } else {
          withCall(m, c -> c.mute(on));
        }
      }
      case "dtmf" -> {
        String digits = m.getValue("digits") instanceof String d ? d : "";
        if (!digits.matches("[0-9*#A-D]{1,32}")) {
          error("bad_field", "digits must be 1-32 of 0-9 * # A-D", "digits");
        } else {
          withCall(m, c -> c.sendDigits(digits));
        }
      }
      case "transfer" -> onTransfer(m);
      case "wrapup" -> onWrapUp(m);
      case "saveOrder" -> onSaveOrder(m);
      case "dial" -> onDial(m);
      case "cancelDial" -> desk.cancelDial(agentId);
      case "ping" -> send(message("pong").put("t", m.getValue("t")));
      default -> error("unknown_type", "unknown message type", "type");
    }
  }

  private void onOffer(JsonObject m, boolean accept) {
    String callId = m.getValue("callId") instanceof String id ? id : null;
    if (callId == null || !offers.containsKey(callId)) {
      error("no_such_offer", "no offer with that callId is ringing", "callId");
      return;
    }
    offers.remove(callId);
    if (accept) {
      desk.answer(agentId, callId);
    } else {
      desk.reject(agentId, callId);
    }
  }

  private void withCall(JsonObject m, java.util.function.Consumer<CallControl> action) {
    String callId = m.getValue("callId") instanceof String id ? id : null;
    if (call == null || !call.callId().equals(callId)) {
      error("no_such_call", "not connected to a call with that callId", "callId");
      return;
    }
    action.accept(call.control());
  }

  private void onTransfer(JsonObject m) {
    JsonObject to = m.getValue("to") instanceof JsonObject o ? o : null;
    String queue = to != null && to.getValue("queue") instanceof String q ? q : null;
    String number = to != null && to.getValue("number") instanceof String n ? n : null;
    String agent = to != null && to.getValue("agent") instanceof String a ? a : null;
    int given = (queue != null ? 1 : 0) + (number != null ? 1 : 0) + (agent != null ? 1 : 0);
    if (given != 1) {
      error("bad_field", "to must have exactly one of queue, number or agent", "to");
      return;
    }
    if (queue != null && !queue.matches("[A-Za-z0-9_-]{1,64}")) {
      error("bad_field", "not a queue name", "to.queue");
      return;
    }
    if (number != null && !number.matches("\\+?[0-9*#]{1,32}")) {
      error(
          "bad_field", "a number is 1-32 digits, * or #, with an optional leading +", "to.number");
      return;
    }
    if (agent != null && !agent.matches("[A-Za-z0-9._-]{1,64}")) {
      error("bad_field", "not an operator's user name", "to.agent");
      return;
    }
    String field = queue != null ? "to.queue" : number != null ? "to.number" : "to.agent";
    withCall(
        m,
        c ->
            (queue != null
                    ? c.transferToQueue(queue)
                    : number != null ? c.transferToNumber(number) : c.transferToAgent(agent))
                .whenComplete(
                    (v, e) -> {
                      if (e != null) {
                        context.runOnContext(
                            w -> error("transfer", "transfer_refused", e.getMessage(), field));
                      }
                    }));
  }

  private void onDial(JsonObject m) {
    DialMessage d;
    try {
      d = DialMessage.parse(m);
    } catch (DialMessage.BadField e) {
      error("bad_field", e.getMessage(), e.field);
      return;
    }
    desk.dial(agentId, d.number(), d.purpose())
        .whenComplete(
            (outcome, e) ->
                context.runOnContext(
                    v -> {
                      if (e != null) {
                        Throwable why = e instanceof CompletionException ? e.getCause() : e;
                        error("dial_refused", why.getMessage(), null);
                      } else if (outcome instanceof DialOutcome.Failed f) {
                        send(DialMessage.failed(f));
                      }
                    }));
  }

  private void onWrapUp(JsonObject m) {
    String callId = m.getValue("callId") instanceof String id ? id : null;
    if (callId == null || !callId.equals(wrapUpCallId)) {
      error("no_such_call", "no call in wrap-up with that callId", "callId");
      return;
    }
    Disposition d;
    try {
      d = orders.disposition(m);
    } catch (ValidationException e) {
      send(AgentOrders.invalid("wrapup", callId, e.errors()));
      return;
    }
    wrapUpCallId = null;
    desk.wrapUp(agentId, callId, d.code(), (String) m.getValue("orderId"));
  }

  /** Orders are filed only for the call the operator is on or wrapping up: least access. */
  private void onSaveOrder(JsonObject m) {
    String callId = m.getValue("callId") instanceof String id ? id : null;
    if (callId == null || !isMine(callId)) {
      error("no_such_call", "no call of yours with that callId", "callId");
      return;
    }
    orders.save(callId, agentId, m).thenAccept(reply -> context.runOnContext(v -> send(reply)));
  }

  private boolean isMine(String callId) {
    return (call != null && call.callId().equals(callId)) || callId.equals(wrapUpCallId);
  }

  private void sendIfMine(String callId, JsonObject message) {
    if (offers.containsKey(callId) || isMine(callId)) {
      send(message);
    }
  }

  private void onBinary(Buffer b) {
    AudioPipe pipe = toCaller;
    byte[] frame = b.getBytes();
    AudioCodec codec = AgentFrames.codecOf(frame);
    if (codec == null) {
      stats.badFrame();
      return;
    }
    if (pipe == null) {
      return;
    }
    stats.frameIn();
    pipe.push(codec, frame, AgentFrames.HEADER);
  }

  /** Sends the connected call's {@link CallQuality} report; on the socket's context. */
  private void reportQuality() {
    ConnectedCall c = call;
    AudioPipe pipe = toCaller;
    if (c == null || pipe == null) {
      return;
    }
    c.control().callerStats().ifPresent(s -> send(quality.report(c.callId(), s, pipe.stats())));
  }

  private void heartbeat(long intervalMillis) {
    if (System.nanoTime() - lastPong > 2 * intervalMillis * 1_000_000L + 500_000_000L) {
      log.info("agent {}: no pong for two heartbeats, closing", agentId);
      closeSocket((short) 4002, "heartbeat lost");
      return;
    }
    ws.writePing(Buffer.buffer("hb"));
  }

  private void onClose() {
    if (closed) {
      return;
    }
    closed = true;
    toCaller = null;
    if (heartbeatTimer >= 0) {
      vertx.cancelTimer(heartbeatTimer);
    }
    if (qualityTimer >= 0) {
      vertx.cancelTimer(qualityTimer);
    }
    stats.closed();
    desk.disconnected(this);
  }

  private void closeSocket(short code, String reason) {
    if (!ws.isClosed()) {
      ws.close(code, reason);
    }
  }

  private void error(String code, String text, String field) {
    error(request, code, text, field);
  }

  /** An {@code error} naming the failed {@code req} (null when it had no type). */
  private void error(String req, String code, String text, String field) {
    JsonObject e = message("error").put("code", code).put("message", text);
    if (req != null) {
      e.put("request", req);
    }
    if (field != null) {
      e.put("field", field);
    }
    send(e);
  }

  private void send(JsonObject m) {
    if (!ws.isClosed()) {
      ws.writeTextMessage(m.encode());
    }
  }

  private static JsonObject message(String type) {
    return new JsonObject().put("type", type);
  }

  /** The caller's audio to the browser; runs on the call's media loop. */
  private final class Outgoing implements AudioSink {
    private int seq;
    private long timestamp;

    @Override
    public void write(AudioCodec codec, byte[] frame) {
      if (ws.isClosed()) {
        return;
      }
      if (ws.writeQueueFull()) {
        stats.frameDropped();
        return;
      }
      byte[] out = new byte[AgentFrames.LENGTH];
      AgentFrames.encode(codec, seq, timestamp, frame, out);
      seq = (seq + 1) & 0xFFFF;
      timestamp = (timestamp + AudioCodec.FRAME_SAMPLES) & 0xFFFFFFFFL;
      stats.frameOut();
      ws.writeBinaryMessage(Buffer.buffer(out));
    }
  }
}
