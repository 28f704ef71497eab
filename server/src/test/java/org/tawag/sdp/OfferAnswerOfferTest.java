package org.tawag.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tawag.media.AudioCodec.PCMA;
import static org.tawag.media.AudioCodec.PCMU;
import static org.tawag.sdp.SdpSamples.crlf;
import static org.tawag.sdp.SdpSamples.parse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our offers for outgoing calls (RFC 3264 §5) and reading the answers to them (§6, §7). */
class OfferAnswerOfferTest {
  private static final LocalMedia LOCAL =
      new LocalMedia("203.0.113.10", 20000, List.of(PCMA, PCMU), 101);

  private static SessionDescription ourOffer(Direction direction) {
    return OfferAnswer.offer(LOCAL, new SdpOrigin(3849012345L, "203.0.113.10"), direction);
  }

  /** An Asterisk answer to {@link #ourOffer}, with its m= line and attributes swapped in. */
  private static SessionDescription answer(String mediaLines) {
    return parse(
        crlf(
            "v=0\no=- 1695045999 1695045999 IN IP4 192.168.10.5\ns=Asterisk\n"
                + "c=IN IP4 192.168.10.5\nt=0 0\n"
                + mediaLines));
  }

  @Test
  void offersAllOurCodecsTelephoneEventAndPtime() {
    assertEquals(
        crlf(
            """
            v=0
            o=- 3849012345 1 IN IP4 203.0.113.10
            s=Tawag
            c=IN IP4 203.0.113.10
            t=0 0
            m=audio 20000 RTP/AVP 8 0 101
            a=rtpmap:8 PCMA/8000
            a=rtpmap:0 PCMU/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=ptime:20
            a=sendrecv
            """),
        ourOffer(Direction.SENDRECV).toString());
  }

  @Test
  void offersNoTelephoneEventWhenLocalHasNone() {
    SessionDescription offer =
        OfferAnswer.offer(
            new LocalMedia("2001:db8::10", 20002, List.of(PCMU), -1),
            new SdpOrigin(5, "2001:db8::10"),
            Direction.SENDONLY);
    assertEquals(
        crlf(
            """
            v=0
            o=- 5 1 IN IP6 2001:db8::10
            s=Tawag
            c=IN IP6 2001:db8::10
            t=0 0
            m=audio 20002 RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            a=ptime:20
            a=sendonly
            """),
        offer.toString());
  }

  @Test
  void acceptsAsteriskAnswerWithPcmuAndTelephoneEvent() throws SdpException {
    Negotiated media =
        OfferAnswer.accept(
            ourOffer(Direction.SENDRECV),
            answer(
                """
                m=audio 17240 RTP/AVP 0 101
                a=rtpmap:0 PCMU/8000
                a=rtpmap:101 telephone-event/8000
                a=fmtp:101 0-16
                a=ptime:20
                a=maxptime:150
                a=sendrecv
                """));
    assertEquals(
        new Negotiated("192.168.10.5", 17240, 17241, PCMU, 0, 101, 20, Direction.SENDRECV), media);
  }

  @Test
  void sendsWithTheAnswersPayloadTypeNumbers() throws SdpException {
    Negotiated media =
        OfferAnswer.accept(
            ourOffer(Direction.SENDRECV),
            answer(
                """
                m=audio 17240 RTP/AVP 8 100
                a=rtpmap:100 telephone-event/8000
                a=rtcp:17250
                a=ptime:30
                """));
    assertEquals(
        new Negotiated("192.168.10.5", 17240, 17250, PCMA, 8, 100, 30, Direction.SENDRECV), media);
  }

  @ParameterizedTest
  @CsvSource({
    // our direction, answer's direction, what we do
    "sendrecv, sendrecv, sendrecv",
    "sendrecv, recvonly, sendonly",
    "sendrecv, sendonly, recvonly",
    "sendrecv, inactive, inactive",
    "sendonly, recvonly, sendonly",
    "sendonly, sendrecv, sendonly",
    "inactive, sendrecv, inactive",
  })
  void doesWhatBothDirectionsAllow(String ours, String theirs, String expected)
      throws SdpException {
    Negotiated media =
        OfferAnswer.accept(
            ourOffer(Direction.fromAttribute(ours)),
            answer("m=audio 17240 RTP/AVP 8\na=" + theirs + "\n"));
    assertEquals(Direction.fromAttribute(expected), media.localDirection());
  }

  @Test
  void answerWithLegacyHoldAddressMeansWeSendNothing() throws SdpException {
    SessionDescription answer =
        parse(
            crlf(
                "v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nc=IN IP4 0.0.0.0\nt=0 0\n"
                    + "m=audio 17240 RTP/AVP 8\n"));
    Negotiated media = OfferAnswer.accept(ourOffer(Direction.SENDRECV), answer);
    assertEquals(null, media.remoteAddress());
    assertEquals(Direction.RECVONLY, media.localDirection());
    assertEquals(null, media.toMediaParams().remoteRtp());
  }

  @Test
  void ignoresTelephoneEventWeDidNotOffer() throws SdpException {
    SessionDescription offer =
        OfferAnswer.offer(
            new LocalMedia("203.0.113.10", 20000, List.of(PCMA), -1),
            new SdpOrigin(1, "203.0.113.10"),
            Direction.SENDRECV);
    Negotiated media =
        OfferAnswer.accept(
            offer, answer("m=audio 17240 RTP/AVP 8 101\na=rtpmap:101 telephone-event/8000\n"));
    assertEquals(-1, media.telephoneEventPayloadType());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "m=audio 17240 RTP/AVP 18\\na=rtpmap:18 G729/8000 | no common audio codec: offered "
            + "18 G729/8000, supported [PCMA, PCMU]",
        "m=audio 17240 RTP/AVP 9 | no common audio codec: offered 9, supported [PCMA, PCMU]",
        "m=audio 0 RTP/AVP 8 | audio stream disabled with port 0",
        "m=audio 17240 RTP/SAVP 8 | transport RTP/SAVP not supported",
        "m=video 17240 RTP/AVP 8 | answer has m=video for our audio stream",
        "m=audio 17240 RTP/AVP 8\\nm=video 0 RTP/AVP 99 | answer has 2 m= lines for the 1 we "
            + "offered (RFC 3264 §6)",
      })
  void rejectsAnAnswerThatBreaksTheRules(String media, String message) {
    SdpException e =
        assertThrows(
            SdpException.class,
            () -> OfferAnswer.accept(ourOffer(Direction.SENDRECV), answer(lines(media) + "\n")));
    assertEquals(message, e.getMessage());
  }

  @Test
  void anOfferWithoutAudioIsACallerMistake() {
    SessionDescription video =
        parse("v=0\no=- 1 1 IN IP4 192.0.2.1\nc=IN IP4 192.0.2.1\nm=video 4000 RTP/AVP 99\n");
    assertThrows(IllegalArgumentException.class, () -> OfferAnswer.accept(video, video));
  }

  /** CSV rows cannot hold line breaks, so they write them as a backslash and n. */
  private static String lines(String row) {
    return row.replace("\\n", "\n");
  }
}
