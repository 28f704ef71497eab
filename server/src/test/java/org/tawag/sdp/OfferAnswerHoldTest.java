package org.tawag.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.tawag.media.AudioCodec.PCMA;
import static org.tawag.media.AudioCodec.PCMU;
import static org.tawag.sdp.SdpSamples.parse;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tawag.media.MediaParams;

/** Directions in answers to re-INVITEs: RFC 3264 §6.1 and the legacy hold of §8.4. */
class OfferAnswerHoldTest {
  private static final LocalMedia LOCAL =
      new LocalMedia("203.0.113.10", 20000, List.of(PCMU, PCMA), 101);

  @ParameterizedTest
  @CsvSource({
    // offered direction, offered c=, answered direction, remote address, we send, we receive
    "'',       192.0.2.5, sendrecv, 192.0.2.5, true,  true",
    "sendrecv, 192.0.2.5, sendrecv, 192.0.2.5, true,  true",
    "sendonly, 192.0.2.5, recvonly, 192.0.2.5, false, true",
    "recvonly, 192.0.2.5, sendonly, 192.0.2.5, true,  false",
    "inactive, 192.0.2.5, inactive, 192.0.2.5, false, false",
    "'',       0.0.0.0,   recvonly, ,          false, true",
    "sendrecv, 0.0.0.0,   recvonly, ,          false, true",
    "sendonly, 0.0.0.0,   recvonly, ,          false, true",
    "recvonly, 0.0.0.0,   inactive, ,          false, false",
    "inactive, 0.0.0.0,   inactive, ,          false, false",
  })
  void answersTheOfferedDirection(
      String offered,
      String address,
      String answered,
      String remoteAddress,
      boolean send,
      boolean receive) {
    String offer =
        "v=0\r\no=- 1695045710 1695045711 IN IP4 192.0.2.5\r\ns=Asterisk\r\nc=IN IP4 "
            + address
            + "\r\nt=0 0\r\nm=audio 10350 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\n"
            + (offered.isEmpty() ? "" : "a=" + offered + "\r\n");
    OfferAnswer.Outcome.Accepted accepted =
        assertInstanceOf(
            OfferAnswer.Outcome.Accepted.class,
            OfferAnswer.answer(parse(offer), LOCAL, new SdpOrigin(1, "203.0.113.10")));

    MediaDescription answer = accepted.answer().media().get(0);
    assertEquals(answered, answer.direction().attribute());
    assertEquals(answer.attributes().get(answer.attributes().size() - 1), Attribute.flag(answered));
    // We keep receiving on our port while the peer holds us.
    assertEquals(20000, answer.port());
    assertEquals("203.0.113.10", accepted.answer().connectionAddress());

    Negotiated media = accepted.media();
    assertEquals(Direction.fromAttribute(answered), media.localDirection());
    assertEquals(remoteAddress, media.remoteAddress());
    MediaParams params = media.toMediaParams();
    assertEquals(send, params.send());
    assertEquals(receive, params.receive());
    assertEquals(remoteAddress == null, params.remoteRtp() == null);
  }
}
