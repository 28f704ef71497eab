package org.tawag.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.tawag.media.AudioCodec.PCMA;
import static org.tawag.media.AudioCodec.PCMU;
import static org.tawag.sdp.SdpSamples.crlf;
import static org.tawag.sdp.SdpSamples.parse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tawag.media.AudioCodec;

/** Answering a peer's offer (RFC 3264 §6). */
class OfferAnswerAnswerTest {
  private static final LocalMedia LOCAL =
      new LocalMedia("203.0.113.10", 20000, List.of(PCMA, PCMU), 101);

  private static OfferAnswer.Outcome.Accepted accepted(String offer, LocalMedia local) {
    OfferAnswer.Outcome outcome =
        OfferAnswer.answer(parse(offer), local, new SdpOrigin(3849012345L, "203.0.113.10"));
    return assertInstanceOf(OfferAnswer.Outcome.Accepted.class, outcome);
  }

  private static OfferAnswer.Outcome.Rejected rejected(String offer) {
    OfferAnswer.Outcome outcome =
        OfferAnswer.answer(parse(offer), LOCAL, new SdpOrigin(7, "203.0.113.10"));
    return assertInstanceOf(OfferAnswer.Outcome.Rejected.class, outcome);
  }

  @Test
  void answersAsteriskWithItsFirstCodecAndItsTelephoneEvent() {
    OfferAnswer.Outcome.Accepted accepted = accepted(SdpSamples.ASTERISK_OFFER, LOCAL);
    assertEquals(
        crlf(
            """
            v=0
            o=- 3849012345 1 IN IP4 203.0.113.10
            s=Tawag
            c=IN IP4 203.0.113.10
            t=0 0
            m=audio 20000 RTP/AVP 8 101
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=ptime:20
            a=sendrecv
            """),
        accepted.answer().toString());
    assertEquals(
        new Negotiated("192.168.10.5", 10350, 10351, PCMA, 8, 101, 20, Direction.SENDRECV),
        accepted.media());
  }

  @Test
  void reusesTelephoneEvent96WithItsFmtpAndWritesNoPtimeWhenOfferedNone() {
    OfferAnswer.Outcome.Accepted accepted = accepted(SdpSamples.SIPP_DTMF96_OFFER, LOCAL);
    MediaDescription answer = accepted.answer().media().get(0);
    assertEquals(List.of(0, 96), answer.payloadTypes());
    assertEquals(new RtpMap(96, "telephone-event", 8000, null), answer.rtpmap(96));
    assertEquals("0-15", answer.fmtp(96));
    assertEquals(null, answer.ptime());
    assertEquals(
        new Negotiated("127.0.0.1", 6002, 6003, PCMU, 0, 96, 20, Direction.SENDRECV),
        accepted.media());
  }

  @Test
  void reusesTelephoneEvent101FromSipp() {
    OfferAnswer.Outcome.Accepted accepted = accepted(SdpSamples.SIPP_OFFER, LOCAL);
    assertEquals(List.of("8", "101"), accepted.answer().media().get(0).formats());
    assertEquals("0-15", accepted.answer().media().get(0).fmtp(101));
    assertEquals(101, accepted.media().telephoneEventPayloadType());
  }

  /** The offerer's order wins over ours; codecs we do not take are skipped. */
  @ParameterizedTest
  @CsvSource({
    "'0 8',    'PCMA PCMU', PCMU, 0",
    "'8 0',    'PCMU PCMA', PCMA, 8",
    "'0 8',    'PCMA',      PCMA, 8",
    "'18 3 0', 'PCMA PCMU', PCMU, 0",
    "'9 8 0',  'PCMU',      PCMU, 0",
  })
  void picksTheFirstOfferedCodecWeSupport(
      String offered, String ours, AudioCodec expected, int payloadType) {
    List<AudioCodec> codecs =
        java.util.Arrays.stream(ours.split(" ")).map(AudioCodec::valueOf).toList();
    String offer =
        crlf(
            "v=0\no=- 5 5 IN IP4 192.0.2.5\ns=-\nc=IN IP4 192.0.2.5\nt=0 0\n"
                + "m=audio 4000 RTP/AVP "
                + offered
                + "\n");
    OfferAnswer.Outcome.Accepted accepted =
        accepted(offer, new LocalMedia("203.0.113.10", 20000, codecs, 101));
    assertEquals(expected, accepted.media().codec());
    assertEquals(payloadType, accepted.media().audioPayloadType());
    assertEquals(-1, accepted.media().telephoneEventPayloadType());
    assertEquals(List.of(payloadType), accepted.answer().media().get(0).payloadTypes());
  }

  @Test
  void keepsADynamicPayloadTypeTheOffererGaveG711() {
    OfferAnswer.Outcome.Accepted accepted =
        accepted(
            crlf(
                """
                v=0
                o=- 5 5 IN IP4 192.0.2.5
                s=-
                c=IN IP4 192.0.2.5
                t=0 0
                m=audio 7078 RTP/AVP 112 97
                a=rtpmap:112 pcmu/8000
                a=rtpmap:97 telephone-event/8000
                """),
            LOCAL);
    assertEquals(PCMU, accepted.media().codec());
    assertEquals(112, accepted.media().audioPayloadType());
    assertEquals(97, accepted.media().telephoneEventPayloadType());
    assertEquals("112 PCMU/8000", accepted.answer().media().get(0).attributes().get(0).value());
  }

  @Test
  void rejectsG729OnlyWith488() {
    OfferAnswer.Outcome.Rejected rejected =
        rejected(
            crlf(
                """
                v=0
                o=- 3 3 IN IP4 192.0.2.5
                s=-
                c=IN IP4 192.0.2.5
                t=0 0
                m=audio 4000 RTP/AVP 18 101
                a=rtpmap:18 G729/8000
                a=fmtp:18 annexb=no
                a=rtpmap:101 telephone-event/8000
                """));
    assertEquals(488, rejected.sipStatus());
    assertEquals(
        "Incompatible media format: no common audio codec: offered 18 G729/8000, "
            + "101 telephone-event/8000, supported [PCMA, PCMU]",
        rejected.warning());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "m=audio 4000 RTP/SAVP 0 | transport RTP/SAVP not supported",
        "m=audio 0 RTP/AVP 0 | audio stream disabled with port 0",
        "m=video 4000 RTP/AVP 99 | no audio offered",
        "m=audio 4000 RTP/AVP 0\\nc=IN IP4 pbx.example.com | "
            + "connection address pbx.example.com is not an IP literal",
      })
  void rejectsOffersWithoutUsableAudio(String media, String problem) {
    OfferAnswer.Outcome.Rejected rejected =
        rejected("v=0\no=- 3 3 IN IP4 192.0.2.5\ns=-\nt=0 0\n" + lines(media) + "\n");
    assertEquals(
        new OfferAnswer.Outcome.Rejected(488, "Incompatible media format: " + problem), rejected);
  }

  @Test
  void answersEveryStreamInOrderAndDeclinesVideoWithPortZero() {
    OfferAnswer.Outcome.Accepted accepted =
        accepted(
            crlf(
                """
                v=0
                o=- 9 9 IN IP4 192.0.2.5
                s=-
                c=IN IP4 192.0.2.5
                t=0 0
                m=video 5002 RTP/AVP 99
                a=rtpmap:99 H264/90000
                m=audio 5000 RTP/AVP 0 8
                a=rtcp:5005
                m=audio 5010 RTP/AVP 8
                """),
            LOCAL);
    String answer = accepted.answer().toString();
    assertEquals(
        crlf(
            """
            m=video 0 RTP/AVP 99
            m=audio 20000 RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            a=sendrecv
            m=audio 0 RTP/AVP 8
            """),
        answer.substring(answer.indexOf("m=")));
    assertEquals(5000, accepted.media().remoteRtpPort());
    assertEquals(5005, accepted.media().remoteRtcpPort());
  }

  @ParameterizedTest
  @CsvSource({"30, 30", "10, 10", "25, 20", "90, 20"})
  void copiesTheOfferedPtimeAndSendsItWhenWeCan(int offered, int sent) {
    OfferAnswer.Outcome.Accepted accepted =
        accepted(
            "v=0\no=- 5 5 IN IP4 192.0.2.5\ns=-\nc=IN IP4 192.0.2.5\nt=0 0\n"
                + "m=audio 4000 RTP/AVP 8\na=ptime:"
                + offered
                + "\n",
            LOCAL);
    assertEquals(offered, accepted.answer().media().get(0).ptime());
    assertEquals(sent, accepted.media().packetTimeMs());
  }

  @Test
  void answersAnIpv6OfferWithItsAddress() {
    OfferAnswer.Outcome.Accepted accepted =
        accepted(
            "v=0\no=- 5 5 IN IP6 2001:db8::5\ns=-\nc=IN IP6 2001:db8::5\nt=0 0\n"
                + "m=audio 4000 RTP/AVP 0\n",
            LOCAL);
    assertEquals("2001:db8::5", accepted.media().remoteAddress());
  }

  /** CSV rows cannot hold line breaks, so they write them as a backslash and n. */
  private static String lines(String row) {
    return row.replace("\\n", "\n");
  }
}
