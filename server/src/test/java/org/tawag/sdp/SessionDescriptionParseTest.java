package org.tawag.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.tawag.sdp.SdpSamples.crlf;
import static org.tawag.sdp.SdpSamples.parse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionDescriptionParseTest {

  /** An offer with lines this package keeps without reading: i=, b=, unknown a=, a second m=. */
  private static final String RICH_OFFER =
      crlf(
          """
          v=0
          o=jdoe 2890844526 2890842807 IN IP4 10.47.16.5
          s=SDP Seminar
          i=A Seminar on the session description protocol
          u=http://www.example.com/seminars/sdp.pdf
          e=j.doe@example.com (Jane Doe)
          c=IN IP4 10.47.16.5
          b=AS:128
          t=2873397496 2873404696
          r=7d 1h 0 25h
          a=tool:sipp
          m=audio 49170 RTP/AVP 0 8 97
          i=voice
          b=TIAS:64000
          a=rtpmap:97 iLBC/8000
          a=fmtp:97 mode=30
          a=X-nat:0
          a=recvonly
          m=video 51372 RTP/AVP 99
          c=IN IP4 10.47.16.6
          a=rtpmap:99 h263-1998/90000
          """);

  @ParameterizedTest
  @ValueSource(strings = {"ASTERISK", "SIPP", "SIPP96", "RICH"})
  void writesBackWhatItRead(String sample) {
    String text =
        switch (sample) {
          case "ASTERISK" -> SdpSamples.ASTERISK_OFFER;
          case "SIPP" -> SdpSamples.SIPP_OFFER;
          case "SIPP96" -> SdpSamples.SIPP_DTMF96_OFFER;
          default -> RICH_OFFER;
        };
    SessionDescription sdp = parse(text);
    assertEquals(text, sdp.toString());
    assertEquals(sdp, parse(sdp.toString()));
  }

  @Test
  void readsTheAsteriskOffer() {
    SessionDescription sdp = parse(SdpSamples.ASTERISK_OFFER);
    assertEquals(new Origin("-", "1695045710", 1695045710L, "IP4", "192.168.10.5"), sdp.origin());
    assertEquals("Asterisk", sdp.sessionName());
    assertEquals("192.168.10.5", sdp.connectionAddress());
    MediaDescription audio = sdp.media().get(0);
    assertEquals("audio", audio.media());
    assertEquals(10350, audio.port());
    assertEquals("RTP/AVP", audio.protocol());
    assertEquals(List.of(8, 0, 101), audio.payloadTypes());
    assertEquals(new RtpMap(101, "telephone-event", 8000, null), audio.rtpmap(101));
    assertEquals("0-16", audio.fmtp(101));
    assertNull(audio.fmtp(8));
    assertEquals(20, audio.ptime());
    assertEquals(150, audio.maxptime());
    assertNull(audio.rtcpPort());
    assertEquals(Direction.SENDRECV, audio.direction());
    assertNull(audio.connectionAddress());
    assertEquals("192.168.10.5", sdp.connectionAddressOf(audio));
  }

  @Test
  void keepsUninterpretedLinesAndReadsTheRest() {
    SessionDescription sdp = parse(RICH_OFFER);
    assertEquals(List.of(new Attribute("tool", "sipp")), sdp.attributes());
    MediaDescription audio = sdp.media().get(0);
    assertEquals(Direction.RECVONLY, audio.direction());
    assertEquals(new Attribute("X-nat", "0"), audio.attributes().get(2));
    assertEquals(
        List.of(new SdpLine('i', "voice"), new SdpLine('b', "TIAS:64000")), audio.otherLines());
    assertNull(audio.rtpmap(0));
    MediaDescription video = sdp.media().get(1);
    assertEquals("10.47.16.6", sdp.connectionAddressOf(video));
    assertEquals("10.47.16.5", sdp.connectionAddressOf(audio));
  }

  @Test
  void acceptsLfOnlyBareStaticPayloadTypesAndTrailingBlanks() {
    SessionDescription sdp =
        parse(
            """
            v=0
            o=- 42 42 IN IP4 192.0.2.7\s\s
            s=-
            c=IN IP4 192.0.2.7
            t=0 0
            m=audio 4000 RTP/AVP 0 8

            """);
    MediaDescription audio = sdp.media().get(0);
    assertEquals(List.of(0, 8), audio.payloadTypes());
    assertNull(audio.rtpmap(0));
    assertEquals("192.0.2.7", sdp.origin().address());
    assertEquals(
        crlf(
            "v=0\no=- 42 42 IN IP4 192.0.2.7\ns=-\nc=IN IP4 192.0.2.7\nt=0 0\n"
                + "m=audio 4000 RTP/AVP 0 8\n"),
        sdp.toString());
  }

  @Test
  void mediaLevelConnectionWinsOverSessionLevel() {
    SessionDescription sdp =
        parse(
            crlf(
                """
                v=0
                o=- 7 7 IN IP4 198.51.100.1
                s=-
                c=IN IP4 198.51.100.1
                t=0 0
                m=audio 30000 RTP/AVP 0
                c=IN IP4 198.51.100.99
                a=sendonly
                """));
    MediaDescription audio = sdp.media().get(0);
    assertEquals("198.51.100.99", audio.connectionAddress());
    assertEquals("198.51.100.99", sdp.connectionAddressOf(audio));
    assertEquals(Direction.SENDONLY, sdp.directionOf(audio));
  }

  @Test
  void readsIpv6RtcpAndSessionLevelDirectionWithoutSessionConnection() {
    SessionDescription sdp =
        parse(
            crlf(
                """
                v=0
                o=- 99 3 IN IP6 2001:db8::1
                s=-
                t=0 0
                a=inactive
                m=audio 5004 RTP/AVP 8 0
                c=IN IP6 2001:db8::2
                a=rtcp:5009 IN IP6 2001:db8::2
                a=ptime:30
                """));
    MediaDescription audio = sdp.media().get(0);
    assertNull(sdp.connectionAddress());
    assertEquals(new Connection("IP6", "2001:db8::2"), audio.connection());
    assertEquals("2001:db8::2", sdp.connectionAddressOf(audio));
    assertEquals(5009, audio.rtcpPort());
    assertEquals(30, audio.ptime());
    // RFC 4566 §6: a session-level direction applies to a stream without its own.
    assertEquals(Direction.SENDRECV, audio.direction());
    assertEquals(Direction.INACTIVE, sdp.directionOf(audio));
    assertEquals(Direction.INACTIVE, sdp.direction());
  }

  @Test
  void keepsNonRtpFormatsAsText() {
    SessionDescription sdp =
        parse(
            crlf(
                """
                v=0
                o=- 1 1 IN IP4 192.0.2.1
                s=-
                c=IN IP4 192.0.2.1
                t=0 0
                m=audio 4000 RTP/AVP 0
                m=image 0 udptl t38
                """));
    MediaDescription image = sdp.media().get(1);
    assertEquals(List.of("t38"), image.formats());
    assertEquals(List.of(), image.payloadTypes());
  }

  @Test
  void writesAnUnboundedTimeLineWhenTheInputHadNone() {
    SessionDescription sdp = parse("v=0\no=- 1 1 IN IP4 192.0.2.1\nm=audio 4000 RTP/AVP 0\n");
    assertEquals(
        crlf("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\nm=audio 4000 RTP/AVP 0\n"),
        sdp.toString());
  }
}
