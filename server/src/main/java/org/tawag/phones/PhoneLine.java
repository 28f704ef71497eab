package org.tawag.phones;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.acd.AgentState;
import org.tawag.agent.AgentDesk;
import org.tawag.agent.AgentLine;
import org.tawag.agent.AudioPipe;
import org.tawag.agent.ConnectedCall;
import org.tawag.agent.OfferedCall;
import org.tawag.call.EndReason;
import org.tawag.media.AudioSink;
import org.tawag.sip.DialResult;
import org.tawag.sip.OutboundCall;
import org.tawag.sip.OutboundCalls;
import org.tawag.sip.PhoneDial;

/**
 * An operator's registered SIP phone as an {@link AgentLine}: an offer rings the phone with an
 * INVITE showing the caller's number, the phone's 200 OK is the operator answering, and the two RTP
 * legs are bridged frame by frame. A phone that does not answer, is busy or is unreachable is
 * treated like a browser whose operator did not answer.
 *
 * <p>Each phone call's own methods run on its media loop; the map of calls is concurrent because
 * offers come from the ACD thread and results from the phone call's loop.
 */
final class PhoneLine implements AgentLine {
  private static final Logger log = LoggerFactory.getLogger(PhoneLine.class);

  /** Extra ring time for the phone beyond the ACD's offer timeout, so the ACD decides first. */
  private static final Duration RING_MARGIN = Duration.ofSeconds(2);

  private static final String CALLER_ID = "[0-9A-Za-z+*#._-]{1,64}";

  private final String agentId;
  private final OutboundCalls outbound;
  private final AgentDesk desk;
  private final Duration noAnswerRetry;

  /** ACD call id -> the phone call ringing or bridged for it. */
  private final Map<String, OutboundCall> calls = new ConcurrentHashMap<>();

  PhoneLine(String agentId, OutboundCalls outbound, AgentDesk desk, Duration noAnswerRetry) {
    this.agentId = agentId;
    this.outbound = outbound;
    this.desk = desk;
    this.noAnswerRetry = noAnswerRetry;
  }

  @Override
  public String agentId() {
    return agentId;
  }

  @Override
  public void offer(OfferedCall c) {
    Optional<String> callerId =
        c.caller().matches(CALLER_ID) ? Optional.of(c.caller()) : Optional.empty();
    outbound
        .dialPhone(new PhoneDial(agentId, callerId, c.ringFor().plus(RING_MARGIN)))
        .whenComplete(
            (phone, error) -> {
              if (error != null) {
                log.info("phone of {} cannot be rung: {}", agentId, error.getMessage());
                desk.reject(agentId, c.callId());
                return;
              }
              calls.put(c.callId(), phone);
              phone
                  .result()
                  .thenAccept(
                      r -> {
                        if (calls.get(c.callId()) != phone) {
                          // The offer was withdrawn meanwhile: a late answer is hung up.
                          onLoop(phone, () -> phone.hangUp(EndReason.LOCAL_HANGUP));
                        } else if (r instanceof DialResult.Answered) {
                          desk.answer(agentId, c.callId());
                        } else {
                          calls.remove(c.callId(), phone);
                          desk.reject(agentId, c.callId());
                        }
                      });
            });
  }

  @Override
  public void cancelOffer(String callId) {
    OutboundCall phone = calls.remove(callId);
    if (phone != null) {
      onLoop(phone, phone::cancel);
    }
  }

  @Override
  public AudioSink connect(ConnectedCall c, AudioPipe toCaller) {
    OutboundCall phone = calls.get(c.callId());
    if (phone == null) {
      log.warn("phone of {} connected to call {} without a phone call", agentId, c.callId());
      return (codec, frame) -> {};
    }
    AudioPipe toPhone = new AudioPipe();
    onLoop(
        phone,
        () -> {
          phone.media().setSink((codec, frame) -> toCaller.push(codec, frame, 0));
          phone.media().setSource(toPhone);
        });
    phone
        .ended()
        .thenAccept(
            reason -> {
              if (calls.remove(c.callId(), phone)) {
                // The operator hung up the phone.
                c.control().hangUp();
              }
            });
    return (codec, frame) -> toPhone.push(codec, frame, 0);
  }

  @Override
  public void callEnded(String callId, String endedBy) {
    OutboundCall phone = calls.remove(callId);
    if (phone != null) {
      onLoop(phone, () -> phone.hangUp(EndReason.REMOTE_HANGUP));
    }
  }

  /**
   * A desk phone has no ready button: after a "no answer" pause the line makes its operator ready
   * again after the retry delay, like FreeSWITCH mod_callcenter's no-answer-delay-time. Other
   * pauses stay until the phone registers again.
   */
  @Override
  public void stateChanged(AgentState state, String reason, Instant since) {
    log.debug("phone agent {} is {} ({})", agentId, state, reason);
    if (state == AgentState.NOT_READY && "no answer".equals(reason)) {
      CompletableFuture.delayedExecutor(noAnswerRetry.toMillis(), TimeUnit.MILLISECONDS)
          .execute(() -> desk.readyAfterNoAnswer(agentId));
    }
  }

  @Override
  public void replaced() {
    log.info("phone of {} replaced by another device of the same operator", agentId);
  }

  private static void onLoop(OutboundCall phone, Runnable task) {
    phone.media().executor().execute(task);
  }
}
