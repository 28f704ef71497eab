package org.tawag.orders;

import java.util.List;

/**
 * Everything known of a customer: their calls (newest first, each with the operator's disposition:
 * an agreed offer, a refusal with its reason, a callback), their orders (newest first) and, drawn
 * from the calls, the refusals with their reasons.
 */
public record CustomerHistory(Customer customer, List<CallSummary> calls, List<Order> orders) {
  /** Copies the lists. */
  public CustomerHistory {
    calls = List.copyOf(calls);
    orders = List.copyOf(orders);
  }

  /** The calls closed as an offer (agreed or refused), newest first. */
  public List<CallSummary> offers() {
    return calls.stream()
        .filter(
            c ->
                c.disposition() != null
                    && (c.disposition().equals("agreed") || c.disposition().startsWith("refused:")))
        .toList();
  }

  /** The refusals, newest first: calls whose disposition is {@code refused:<reason>}. */
  public List<CallSummary> refusals() {
    return calls.stream()
        .filter(c -> c.disposition() != null && c.disposition().startsWith("refused:"))
        .toList();
  }
}
