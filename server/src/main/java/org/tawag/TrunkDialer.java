package org.tawag;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.tawag.call.EndReason;
import org.tawag.media.MediaLeg;
import org.tawag.queue.OutsideDialer;
import org.tawag.sip.DialRequest;
import org.tawag.sip.DialResult;
import org.tawag.sip.OutboundCall;
import org.tawag.sip.OutboundCalls;

/** Outside calls for the ACD's blind transfers, over the SIP trunks. */
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
