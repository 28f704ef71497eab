package org.tawag.metrics;

/**
 * Every meter Tawag exports, with its name, unit and help text, declared once. Names are
 * Micrometer's dotted form; Prometheus sees them with underscores, the unit suffix and {@code
 * _total} for counters (so {@link #QUEUE_ENTERED} is {@code tawag_queue_calls_entered_total}).
 * {@code docs/kpis.md}, the recording rules and the dashboards use the Prometheus names.
 */
public enum Meters {
  // ---- queues: labels queue (configured names) ----
  QUEUE_WAITING("tawag.queue.waiting.calls", null, "Calls in the queue now, waiting or ringing"),
  QUEUE_OLDEST_WAIT(
      "tawag.queue.oldest.wait",
      "seconds",
      "Wait so far of the oldest call in the queue (0: none)"),
  QUEUE_AGENTS(
      "tawag.queue.agents", null, "Member agents of the queue by state (label state); offline too"),
  QUEUE_SERVICE_LEVEL_THRESHOLD(
      "tawag.queue.service.level.threshold",
      "seconds",
      "The queue's service-level threshold T (answered within T counts as in service level)"),
  QUEUE_ENTERED(
      "tawag.queue.calls.entered", null, "Calls that entered the queue (or overflowed in)"),
  QUEUE_ANSWERED("tawag.queue.calls.answered", null, "Calls answered by an agent of the queue"),
  QUEUE_ANSWERED_IN_SL(
      "tawag.queue.calls.answered.within.sl",
      null,
      "Answered calls whose wait was at most the queue's service-level threshold"),
  QUEUE_ABANDONED(
      "tawag.queue.calls.abandoned", null, "Callers who hung up while waiting or ringing"),
  QUEUE_ABANDONED_AFTER_SL(
      "tawag.queue.calls.abandoned.after.sl",
      null,
      "Abandoned calls whose wait was longer than the queue's service-level threshold"),
  QUEUE_OVERFLOWED(
      "tawag.queue.calls.overflowed",
      null,
      "Calls that left the queue by overflow (label target: queue, dialplan, hangup)"),
  QUEUE_TIMED_OUT(
      "tawag.queue.calls.timed.out", null, "Overflows caused by the queue's max wait running out"),
  QUEUE_REJECTED(
      "tawag.queue.calls.rejected", null, "Calls turned away because the queue was full"),
  QUEUE_WAIT(
      "tawag.queue.wait",
      "seconds",
      "Wait of answered calls; buckets include every queue's service-level threshold"),
  QUEUE_ABANDON_WAIT("tawag.queue.abandon.wait", "seconds", "Wait of abandoned calls"),
  QUEUE_TALK("tawag.queue.talk", "seconds", "Talk time of answered calls (hold excluded)"),
  QUEUE_HOLD("tawag.queue.hold", "seconds", "Time answered calls spent on hold"),
  QUEUE_WRAP_UP("tawag.queue.wrapup", "seconds", "After-call work time of the queue's calls"),
  QUEUE_DISPOSITIONS(
      "tawag.queue.dispositions",
      null,
      "Wrapped-up calls by disposition kind (agreed, refused, callback, ...; other)"),

  // ---- agents: label agent (capped; beyond the cap, "other") ----
  AGENT_STATE_TIME(
      "tawag.agent.state.time",
      "seconds",
      "Seconds agents spent in each state (label state); offline time is not counted"),
  AGENT_CALLS_HANDLED("tawag.agent.calls.handled", null, "Calls the agent answered"),
  AGENT_OFFERS_UNANSWERED(
      "tawag.agent.offers.unanswered", null, "Offers the agent let ring out or rejected"),
  AGENTS_NOT_READY(
      "tawag.agents.not.ready", null, "Agents not ready now, by pause reason (unknown: other)"),

  // ---- calls and SIP ----
  CALLS_STARTED(
      "tawag.calls.started",
      null,
      "Calls that reached the dial plan (labels trunk: configured or phone or other; direction)"),
  CALLS_ENDED(
      "tawag.calls.ended", null, "Calls that ended, by trunk and end reason (the INVITE outcome)"),
  SIP_ACTIVE_CALLS("tawag.sip.active.calls", null, "SIP calls in progress, both directions"),
  SIP_DIALOGS("tawag.sip.dialogs", null, "Dialogs the SIP stack holds"),
  SIP_TRUNKS_REGISTERED(
      "tawag.sip.trunks.registered",
      null,
      "1 when every trunk that registers is registered now, else 0"),
  SIP_REQUESTS(
      "tawag.sip.requests",
      null,
      "SIP requests by direction (in, out) and method (INVITE, ACK, BYE, CANCEL, OPTIONS, INFO,"
          + " REGISTER, other)"),
  SIP_RESPONSES(
      "tawag.sip.responses",
      null,
      "SIP responses by direction, the method answered and code class (1xx..6xx)"),
  TRUNK_UP(
      "tawag.trunk.up",
      null,
      "1 while some peer of the trunk answers OPTIONS probes (any code), 0 after a timeout,"
          + " NaN while trunks are not probed"),
  TRUNK_OPTIONS_RTT(
      "tawag.trunk.options.rtt", "seconds", "Round trip of answered OPTIONS probes per trunk"),
  TRUNK_REGISTERED(
      "tawag.trunk.registered",
      null,
      "1 while the trunk's outgoing registration is accepted, else 0 (trunks that register)"),

  // ---- media ----
  MEDIA_RTP_LEGS("tawag.media.rtp.legs", null, "RTP legs (port pairs) open now"),
  MEDIA_RTP_PACKETS_RECEIVED(
      "tawag.media.rtp.packets.received",
      null,
      "RTP packets received and accepted (added each RTCP interval and when a leg closes)"),
  MEDIA_RTP_PACKETS_SENT("tawag.media.rtp.packets.sent", null, "RTP packets sent"),
  MEDIA_RTP_PACKETS_LOST(
      "tawag.media.rtp.packets.lost",
      null,
      "RTP packets lost on the way in (RFC 3550 A.3: expected minus received, per source)"),
  MEDIA_JITTER_BUFFER_LATE(
      "tawag.media.jitter.buffer.late",
      null,
      "Received RTP packets dropped because they arrived after their playout time"),
  MEDIA_JITTER_BUFFER_OVERFLOWS(
      "tawag.media.jitter.buffer.overflows",
      null,
      "Times the jitter buffer ran past its maximum depth and dropped its oldest audio"),
  MEDIA_RTP_JITTER(
      "tawag.media.rtp.jitter",
      "seconds",
      "Interarrival jitter (RFC 3550 A.8) of each leg when it closes"),
  AGENT_SOCKETS("tawag.agent.sockets", null, "Operator WebSockets open now"),
  AGENT_AUDIO_FRAMES_SENT(
      "tawag.agent.audio.frames.sent", null, "Audio frames sent to operators' browsers"),
  AGENT_AUDIO_FRAMES_RECEIVED(
      "tawag.agent.audio.frames.received", null, "Audio frames received from operators' browsers"),
  AGENT_AUDIO_FRAMES_DROPPED(
      "tawag.agent.audio.frames.dropped",
      null,
      "Audio frames dropped because an operator's socket was too slow"),

  // ---- store ----
  STORE_CALL_LOG_QUEUED(
      "tawag.store.call.log.queued", null, "Call records waiting in memory for the database"),
  STORE_CALL_LOG_DROPPED(
      "tawag.store.call.log.dropped", null, "Call records lost (queue full or refused by the DB)"),
  STORE_SPOOL_SIZE(
      "tawag.store.spool.size",
      "bytes",
      "Size of the call-record spool file (grows while the database is down)"),
  STORE_AGENT_STATES_PENDING(
      "tawag.store.agent.states.pending", null, "Agent state changes waiting for the database"),
  STORE_AGENT_STATES_DROPPED("tawag.store.agent.states.dropped", null, "Agent state changes lost"),
  STORE_WRITE(
      "tawag.store.write", "seconds", "Time to commit one batch of call records to the database"),
  STORE_WRITE_FAILURES(
      "tawag.store.write.failures",
      null,
      "Batches of call records the database did not take (down or refusing); they are retried");

  private final String meterName;
  private final String unit;
  private final String help;

  Meters(String meterName, String unit, String help) {
    this.meterName = meterName;
    this.unit = unit;
    this.help = help;
  }

  /** The Micrometer name. */
  public String meterName() {
    return meterName;
  }

  /** The base unit ({@code seconds}, {@code bytes}) or null. */
  public String unit() {
    return unit;
  }

  /** The help text Prometheus shows. */
  public String help() {
    return help;
  }

  /** The Prometheus family name (counters get {@code _total} on their samples, not here). */
  public String prometheusName() {
    String base = meterName.replace('.', '_');
    return unit == null ? base : base + "_" + unit;
  }
}
