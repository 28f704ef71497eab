package org.tawag;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.tawag.call.EndReason;
import org.tawag.dialplan.Route;
import org.tawag.media.MediaLeg;
import org.tawag.queue.OutsideDialer;
import org.tawag.sip.DialException;
import org.tawag.sip.DialRequest;
import org.tawag.sip.DialResult;
import org.tawag.sip.OutboundCall;
import org.tawag.sip.OutboundCalls;

/** Outside calls for the ACD's blind transfers and operators' own calls, over the SIP trunks. */
final class TrunkDialer implements OutsideDialer {
  /** How long a transfer target may ring. */
  static final Duration RING_TIMEOUT = Duration.ofSeconds(30);

  private static final String CALLER_ID = "[0-9A-Za-z+*#._-]{1,64}";

  /** Set once SIP has started, which needs the ACD (and so this dialer) first. */
  private volatile OutboundCalls outbound;

  void attach(OutboundCalls calls) {
    this.outbound = calls;
  }

  @Override
  public CompletableFuture<OutsideLeg> dial(String trunk, String number, String callerId) {
    OutboundCalls outbound = this.outbound;
    if (outbound == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("SIP is not started"));
    }
    DialRequest request =
        new DialRequest(
            trunk,
            number,
            callerId.matches(CALLER_ID) ? Optional.of(callerId) : Optional.empty(),
            Optional.empty(),
            RING_TIMEOUT);
    return outbound
        .dial(request)
        .thenCompose(
            call ->
                call.result()
                    .thenApply(
                        r -> {
                          if (r instanceof DialResult.Failed f) {
                            throw new IllegalStateException("not answered: " + f.cause());
                          }
                          return (OutsideLeg) new Leg(call);
                        }));
  }

  @Override
  public Attempt place(
      String callId, String trunk, String number, Optional<String> callerId, Route onAnswer) {
    OutboundCalls outbound = this.outbound;
    CompletableFuture<OutboundCall> placed;
    try {
      if (outbound == null) {
        throw new IllegalStateException("SIP is not started");
      }
      placed =
          outbound.dial(
              new DialRequest(
                  trunk,
                  number,
                  callerId.filter(c -> c.matches(CALLER_ID)),
                  Optional.of(onAnswer),
                  RING_TIMEOUT,
                  Optional.of(callId)));
    } catch (RuntimeException e) {
      placed = CompletableFuture.failedFuture(e);
    }
    return new Placing(placed);
  }

  /** An operator's call from INVITE to answer or failure. */
  private record Placing(CompletableFuture<OutboundCall> placed) implements Attempt {
    @Override
    public CompletableFuture<Optional<String>> result() {
      return placed
          .thenCompose(OutboundCall::result)
          .handle(
              (r, e) -> {
                if (r instanceof DialResult.Failed f) {
                  return Optional.of(f.cause().name().toLowerCase(Locale.ROOT));
                }
                if (e != null) {
                  Throwable cause = e instanceof CompletionException ? e.getCause() : e;
                  if (cause instanceof DialException d) {
                    return Optional.of(d.dialCause().name().toLowerCase(Locale.ROOT));
                  }
                  // The call limit or the RTP ports: our own congestion.
                  return Optional.of(
                      cause instanceof IllegalStateException ? "congestion" : "failed");
                }
                return Optional.empty();
              });
    }

    @Override
    public void cancel() {
      placed.thenAccept(OutboundCall::cancel);
    }
  }

  private record Leg(OutboundCall call) implements OutsideLeg {
    @Override
    public MediaLeg media() {
      return call.media();
    }

    @Override
    public CompletableFuture<?> ended() {
      return call.ended();
    }

    @Override
    public void hangUp() {
      call.media().executor().execute(() -> call.hangUp(EndReason.LOCAL_HANGUP));
    }
  }
}
