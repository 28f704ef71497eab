package org.tawag.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tawag.media.AudioCodec.PCMA;
import static org.tawag.media.AudioCodec.PCMU;
import static org.tawag.sdp.SdpSamples.parse;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The o= version: +1 for each changed description we send, unchanged on a refresh (RFC 3264 §8).
 */
class SdpOriginTest {
  private static final LocalMedia LOCAL =
      new LocalMedia("203.0.113.10", 20000, List.of(PCMA, PCMU), 101);

  @Test
  void versionGrowsOnlyWhenTheContentChanges() {
    SdpOrigin origin = new SdpOrigin(77, "192.0.2.1");
    assertEquals(0, origin.version());
    assertEquals(1, origin.versionFor("a"));
    assertEquals(1, origin.versionFor("a"));
    assertEquals(2, origin.versionFor("b"));
    assertEquals(3, origin.versionFor("a"));
    assertEquals(3, origin.version());
  }

  @Test
  void ourReOfferKeepsTheVersionWhenIdenticalAndBumpsItForHold() {
    SdpOrigin origin = new SdpOrigin(3849012345L, "203.0.113.10");
    SessionDescription first = OfferAnswer.offer(LOCAL, origin, Direction.SENDRECV);
    SessionDescription refresh = OfferAnswer.offer(LOCAL, origin, Direction.SENDRECV);
    SessionDescription hold = OfferAnswer.offer(LOCAL, origin, Direction.SENDONLY);
    SessionDescription resume = OfferAnswer.offer(LOCAL, origin, Direction.SENDRECV);

    assertEquals(new Origin("-", "3849012345", 1, "IP4", "203.0.113.10"), first.origin());
    assertEquals(first.toString(), refresh.toString());
    assertEquals(2, hold.origin().version());
    assertEquals(3, resume.origin().version());
    assertEquals("3849012345", resume.origin().sessionId());
  }

  @Test
  void ourAnswerToARefreshReInviteKeepsTheVersion() {
    SdpOrigin origin = new SdpOrigin(900, "203.0.113.10");
    String hold = SdpSamples.ASTERISK_OFFER.replace("a=sendrecv", "a=sendonly");

    SessionDescription initial = answer(SdpSamples.ASTERISK_OFFER, origin);
    SessionDescription refresh = answer(SdpSamples.ASTERISK_OFFER, origin);
    SessionDescription held = answer(hold, origin);
    SessionDescription heldRefresh = answer(hold, origin);

    assertEquals(1, initial.origin().version());
    assertEquals(initial.toString(), refresh.toString());
    assertEquals(2, held.origin().version());
    assertEquals(Direction.RECVONLY, held.media().get(0).direction());
    assertEquals(held.toString(), heldRefresh.toString());
  }

  @Test
  void stampKeepsTheDraftAndSetsOurOrigin() {
    SessionDescription draft = parse(SdpSamples.SIPP_OFFER);
    SessionDescription stamped = new SdpOrigin(5, "2001:db8::1").stamp(draft);
    assertEquals(new Origin("-", "5", 1, "IP6", "2001:db8::1"), stamped.origin());
    assertEquals(draft.media(), stamped.media());
  }

  @Test
  void rejectsCallerMistakes() {
    assertThrows(IllegalArgumentException.class, () -> new SdpOrigin(-1, "192.0.2.1"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new SdpOrigin(1, "host.example"));
    assertEquals("origin address must be an IP literal: host.example", e.getMessage());
  }

  private static SessionDescription answer(String offer, SdpOrigin origin) {
    return assertInstanceOf(
            OfferAnswer.Outcome.Accepted.class, OfferAnswer.answer(parse(offer), LOCAL, origin))
        .answer();
  }
}
