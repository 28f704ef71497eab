package org.tawag.agent;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.orders.Disposition;
import org.tawag.orders.FieldErrors;
import org.tawag.orders.OrderDraft;
import org.tawag.orders.OrderJson;
import org.tawag.orders.OrderSettings;
import org.tawag.orders.OrderStore;
import org.tawag.orders.ValidationException;

/**
 * The order side of the agent socket: the screen pop sent after an offer, orders saved during a
 * call or its wrap-up, and the disposition that closes it. Database work runs on the store's
 * workers; results come back as JSON messages for the socket to send on its own context.
 */
public final class AgentOrders {
  private static final Logger log = LoggerFactory.getLogger(AgentOrders.class);

  private final OrderStore store;
  private final OrderSettings settings;
  private final Clock clock;
  private final CallBriefs briefs;

  public AgentOrders(OrderStore store, OrderSettings settings, Clock clock) {
    this(store, settings, clock, CallBriefs.NONE);
  }

  public AgentOrders(OrderStore store, OrderSettings settings, Clock clock, CallBriefs briefs) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    this.briefs = briefs;
  }

  /**
   * {@code orderSettings}: the codes the order form and the wrap-up offer, in the configured order,
   * so the page shows what this server accepts rather than a list of its own.
   */
  public JsonObject settingsMessage() {
    return new JsonObject()
        .put("type", "orderSettings")
        .put("serviceTypes", new JsonArray(settings.serviceTypes()))
        .put("refusalReasons", new JsonArray(settings.refusalReasons()))
        .put(
            "dispositions",
            new JsonArray(
                Arrays.stream(Disposition.Kind.values()).map(Disposition.Kind::code).toList()));
  }

  /**
   * {@code screenPop} for the caller of {@code callId}, with the call's {@code campaign} brief when
   * a campaign placed it; an empty pop when the lookup fails.
   */
  public CompletableFuture<JsonObject> screenPop(String callId, String caller) {
    Optional<JsonObject> brief = briefs.brief(callId);
    return store
        .screenPop(caller)
        .thenApply(p -> message("screenPop", callId).put("pop", OrderJson.screenPop(p)))
        .exceptionally(
            e -> {
              log.warn("screen pop for call {} failed: {}", callId, rootMessage(e));
              return message("screenPop", callId).put("pop", (Object) null);
            })
        .thenApply(m -> brief.isPresent() ? m.put("campaign", brief.get()) : m);
  }

  /**
   * Saves the order in {@code m.order} for {@code callId} as {@code agentId}: {@code orderSaved}
   * with the order, or {@code error} {@code invalid} with a message per field.
   */
  public CompletableFuture<JsonObject> save(String callId, String agentId, JsonObject m) {
    Object order = m.getValue("order");
    if (!(order instanceof JsonObject json)) {
      return CompletableFuture.completedFuture(
          invalid("saveOrder", callId, Map.of("order", "must be an object")));
    }
    OrderDraft draft;
    try {
      draft = OrderJson.draftFrom(json, settings);
    } catch (ValidationException e) {
      return CompletableFuture.completedFuture(invalid("saveOrder", callId, e.errors()));
    }
    return store
        .saveOrder(draft, agentId)
        .thenApply(o -> message("orderSaved", callId).put("order", OrderJson.order(o)))
        .exceptionally(
            e -> {
              Throwable cause = e instanceof CompletionException ? e.getCause() : e;
              if (cause instanceof ValidationException v) {
                return invalid("saveOrder", callId, v.errors());
              }
              log.warn("order for call {} not saved: {}", callId, rootMessage(e));
              return message("error", callId)
                  .put("code", "store_unavailable")
                  .put("message", "the order could not be saved now; nothing was lost, try again");
            });
  }

  /**
   * The disposition in a {@code wrapup} message ({@code disposition}, {@code reason}, {@code
   * callbackAt}, and {@code orderId}, which an agreed call must have).
   *
   * @throws ValidationException naming each bad field
   */
  public Disposition disposition(JsonObject m) {
    Disposition d = OrderJson.dispositionFrom(m, settings, clock);
    Object orderId = m.getValue("orderId");
    if (orderId != null && !(orderId instanceof String s && s.length() <= 64)) {
      throw new ValidationException(FieldErrors.of("orderId", "must be an order id"));
    }
    if (d.kind().requiresOrder() && orderId == null) {
      throw new ValidationException(
          FieldErrors.of("orderId", "an agreed call must be linked to an order"));
    }
    return d;
  }

  /** The {@code error} message for field errors in the {@code request} (its message type). */
  public static JsonObject invalid(String request, String callId, Map<String, String> errors) {
    return message("error", callId)
        .put("request", request)
        .put("code", "invalid")
        .put("message", "some fields are not valid")
        .put("errors", OrderJson.errors(errors));
  }

  private static JsonObject message(String type, String callId) {
    return new JsonObject().put("type", type).put("callId", callId);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName();
  }
}
