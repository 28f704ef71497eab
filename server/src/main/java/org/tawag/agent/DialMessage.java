package org.tawag.agent;

import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * The agent protocol's {@code dial} request ({@code number}, optional {@code customerId} and {@code
 * orderId}) and its {@code dialing} and {@code dialFailed} replies.
 */
record DialMessage(String number, Optional<DialPurpose> purpose) {
  /** A field of a {@code dial} request that is not acceptable; nothing was dialled. */
  static final class BadField extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    final String field;

    BadField(String field, String message) {
      super(message);
      this.field = field;
    }
  }

  /** Reads a {@code dial} request; throws {@link BadField} naming the first bad field. */
  static DialMessage parse(JsonObject m) {
    String number = m.getValue("number") instanceof String n ? n : null;
    if (!DialNumber.valid(number)) {
      throw new BadField("number", "number must be E.164 (+ and 2-15 digits) or 1-32 of 0-9 * #");
    }
    Object customer = m.getValue("customerId");
    if (customer != null && !(customer instanceof Number c && c.longValue() > 0)) {
      throw new BadField("customerId", "customerId must be a positive whole number");
    }
    Object order = m.getValue("orderId");
    if (order != null && !(order instanceof String o && o.matches("[A-Za-z0-9_-]{1,64}"))) {
      throw new BadField("orderId", "orderId must be 1-64 letters, digits, - or _");
    }
    if (customer == null && order == null) {
      return new DialMessage(number, Optional.empty());
    }
    return new DialMessage(
        number,
        Optional.of(
            new DialPurpose(
                Optional.ofNullable(customer).map(c -> ((Number) c).longValue()),
                Optional.ofNullable((String) order),
                Optional.empty())));
  }

  static JsonObject dialing(String callId, String number) {
    return new JsonObject().put("type", "dialing").put("callId", callId).put("number", number);
  }

  static JsonObject failed(DialOutcome.Failed f) {
    return new JsonObject()
        .put("type", "dialFailed")
        .put("callId", f.callId())
        .put("number", f.number())
        .put("cause", f.cause());
  }
}
