package org.tawag.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each malformed body gives an SdpException that names the bad line, or the missing one. */
class SdpMalformedTest {
  private static final String HEAD =
      "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n";

  static Stream<Arguments> badLines() {
    return Stream.of(
        // body, line number, bad line, problem
        Arguments.of(
            "o=- 1 1 IN IP4 192.0.2.1\nv=0\n", 1, "o=- 1 1 IN IP4 192.0.2.1", "expected v=0 first"),
        Arguments.of("v=1\n", 1, "v=1", "expected v=0 first"),
        Arguments.of(HEAD + "m=audio abc RTP/AVP 0\n", 6, "m=audio abc RTP/AVP 0", "bad port: abc"),
        Arguments.of(
            HEAD + "m=audio 70000 RTP/AVP 0\n",
            6,
            "m=audio 70000 RTP/AVP 0",
            "port must be 0..65535: 70000"),
        Arguments.of(HEAD + "m=audio -1 RTP/AVP 0\n", 6, "m=audio -1 RTP/AVP 0", "bad port: -1"),
        Arguments.of(
            HEAD + "m=audio 4000 RTP/AVP PCMU\n",
            6,
            "m=audio 4000 RTP/AVP PCMU",
            "bad RTP payload type: PCMU"),
        Arguments.of(
            HEAD + "m=audio 4000 RTP/AVP 0 128\n",
            6,
            "m=audio 4000 RTP/AVP 0 128",
            "RTP payload type must be 0..127: 128"),
        Arguments.of(
            HEAD + "m=audio 4000 RTP/AVP\n",
            6,
            "m=audio 4000 RTP/AVP",
            "m= needs <media> <port> <proto> <fmt>..."),
        Arguments.of(
            HEAD + "m=audio 4000 RTP/AVP 0\na=rtpmap:x PCMU/8000\n",
            7,
            "a=rtpmap:x PCMU/8000",
            "bad RTP payload type: x"),
        Arguments.of(
            HEAD + "m=audio 4000 RTP/AVP 0\na=rtpmap:0 PCMU\n",
            7,
            "a=rtpmap:0 PCMU",
            "rtpmap must be <pt> <encoding>/<rate>: 0 PCMU"),
        Arguments.of(
            HEAD + "m=audio 4000 RTP/AVP 0\na=ptime:twenty\n",
            7,
            "a=ptime:twenty",
            "bad ptime: twenty"),
        Arguments.of(
            HEAD + "m=audio 4000 RTP/AVP 0\na=rtcp:99999\n",
            7,
            "a=rtcp:99999",
            "port must be 0..65535: 99999"),
        Arguments.of(
            HEAD + "m=audio 4000 RTP/AVP 0\na=sendonly\na=recvonly\n",
            8,
            "a=recvonly",
            "second direction attribute"),
        Arguments.of(
            HEAD + "m=audio 4000 RTP/AVP 0\na=rtpmap:0 PCMU/8000\na=rtpmap:0 PCMA/8000\n",
            8,
            "a=rtpmap:0 PCMA/8000",
            "second rtpmap for payload type 0"),
        Arguments.of(
            HEAD + "m=audio 4000 RTP/AVP 0\nc=IN IP4\n",
            7,
            "c=IN IP4",
            "c= needs IN <addrtype> <address>"),
        Arguments.of(
            HEAD + "m=audio 4000 RTP/AVP 0\nc=IN IPX 1.2.3.4\n",
            7,
            "c=IN IPX 1.2.3.4",
            "address type must be IP4 or IP6: IPX"),
        Arguments.of(
            HEAD + "m=audio 4000 RTP/AVP 0\nt=0 0\n",
            7,
            "t=0 0",
            "session-level line after the first m= line"),
        Arguments.of(
            HEAD + "x=what\nm=audio 4000 RTP/AVP 0\n",
            6,
            "x=what",
            "unknown line type (RFC 4566 §5 rejects the description)"),
        Arguments.of(HEAD + "hello\n", 6, "hello", "not an SDP line of the form <type>=<value>"),
        Arguments.of(
            "v=0\no=- abc 1 IN IP4 192.0.2.1\n",
            2,
            "o=- abc 1 IN IP4 192.0.2.1",
            "session id must be digits: abc"),
        Arguments.of("v=0\no=- 1 1 IN IP4\n", 2, "o=- 1 1 IN IP4", "o= needs six fields"),
        Arguments.of(
            "v=0\no=- 1 1 ATM IP4 192.0.2.1\n",
            2,
            "o=- 1 1 ATM IP4 192.0.2.1",
            "network type must be IN"),
        Arguments.of(
            "v=0\no=- 1 1 IN IP4 192.0.2.1\no=- 1 1 IN IP4 192.0.2.1\n",
            3,
            "o=- 1 1 IN IP4 192.0.2.1",
            "second o= line"));
  }

  @ParameterizedTest
  @MethodSource("badLines")
  void namesTheBadLine(String body, int lineNumber, String line, String problem) {
    SdpException e = assertThrows(SdpException.class, () -> SessionDescription.parse(body));
    assertEquals("line " + lineNumber + ": " + problem + ": \"" + line + "\"", e.getMessage());
    assertEquals(lineNumber, e.lineNumber());
  }

  @ParameterizedTest
  @MethodSource("badLines")
  void namesTheBadLineWithCrlfToo(String body, int lineNumber, String line, String problem) {
    SdpException e =
        assertThrows(SdpException.class, () -> SessionDescription.parse(SdpSamples.crlf(body)));
    assertEquals("line " + lineNumber + ": " + problem + ": \"" + line + "\"", e.getMessage());
  }

  static Stream<Arguments> missingLines() {
    return Stream.of(
        Arguments.of("", "no v= line: empty body"),
        Arguments.of("\r\n\r\n", "no v= line: empty body"),
        Arguments.of("v=0\ns=-\nm=audio 4000 RTP/AVP 0\n", "no o= line"),
        Arguments.of(
            "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n", "no m= line"));
  }

  @ParameterizedTest
  @MethodSource("missingLines")
  void namesTheMissingLine(String body, String message) {
    SdpException e = assertThrows(SdpException.class, () -> SessionDescription.parse(body));
    assertEquals(message, e.getMessage());
    assertEquals(0, e.lineNumber());
  }
}
