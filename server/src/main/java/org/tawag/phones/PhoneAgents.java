package org.tawag.phones;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tawag.agent.AgentDesk;
import org.tawag.sip.OutboundCalls;
import org.tawag.sip.registrar.PhonePresence;

/**
 * Logs SIP-phone operators in and out of the ACD as their phones register and unregister. A phone
 * that registers is ready at once: a desk phone has no "ready" button, and an operator pauses by
 * unregistering (or from the web page, which then takes over as their device).
 */
public final class PhoneAgents implements PhonePresence {
  private final AgentDesk desk;
  private final Map<String, PhoneLine> lines = new ConcurrentHashMap<>();
  private final Set<String> waiting = new LinkedHashSet<>();
  private OutboundCalls outbound;

  private final Duration noAnswerRetry;

  /**
   * {@code noAnswerRetry}: how long a phone operator stays not ready after an offer they did not
   * answer, before the line makes them ready again.
   */
  public PhoneAgents(AgentDesk desk, Duration noAnswerRetry) {
    this.desk = desk;
    this.noAnswerRetry = noAnswerRetry;
  }

  /**
   * Sets the outgoing-call service once SIP has started (SIP needs this presence to start), and
   * logs in the phones that registered in between.
   */
  public void attach(OutboundCalls calls) {
    List<String> early;
    synchronized (this) {
      outbound = calls;
      early = List.copyOf(waiting);
      waiting.clear();
    }
    early.forEach(this::registered);
  }

  @Override
  public void registered(String username) {
    OutboundCalls calls;
    synchronized (this) {
      calls = outbound;
      if (calls == null) {
        waiting.add(username);
        return;
      }
    }
    PhoneLine line = new PhoneLine(username, calls, desk, noAnswerRetry);
    lines.put(username, line);
    desk.connected(line);
    desk.ready(username);
  }

  @Override
  public void unregistered(String username) {
    synchronized (this) {
      waiting.remove(username);
    }
    PhoneLine line = lines.remove(username);
    if (line != null) {
      desk.disconnected(line);
    }
  }
}
