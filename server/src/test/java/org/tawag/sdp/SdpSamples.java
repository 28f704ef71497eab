package org.tawag.sdp;

/** SDP bodies as real peers send them, with CRLF line ends as on the wire. */
final class SdpSamples {
  private SdpSamples() {}

  /** Asterisk 18 chan_pjsip offering PCMA, PCMU and telephone-event 101. */
  static final String ASTERISK_OFFER =
      crlf(
          """
          v=0
          o=- 1695045710 1695045710 IN IP4 192.168.10.5
          s=Asterisk
          c=IN IP4 192.168.10.5
          t=0 0
          m=audio 10350 RTP/AVP 8 0 101
          a=rtpmap:8 PCMA/8000
          a=rtpmap:0 PCMU/8000
          a=rtpmap:101 telephone-event/8000
          a=fmtp:101 0-16
          a=ptime:20
          a=maxptime:150
          a=sendrecv
          """);

  /** The SIPp caller of the notes (5.2): PCMA and telephone-event 101 with events 0-15. */
  static final String SIPP_OFFER =
      crlf(
          """
          v=0
          o=- 1 1 IN IP4 127.0.0.1
          s=-
          c=IN IP4 127.0.0.1
          t=0 0
          m=audio 6000 RTP/AVP 8 101
          a=rtpmap:8 PCMA/8000
          a=rtpmap:101 telephone-event/8000
          a=fmtp:101 0-15
          a=ptime:20
          """);

  /** A SIPp caller using {@code play_dtmf}, which wants telephone-event on 96, no ptime. */
  static final String SIPP_DTMF96_OFFER =
      crlf(
          """
          v=0
          o=user1 53655765 2353687637 IN IP4 127.0.0.1
          s=-
          c=IN IP4 127.0.0.1
          t=0 0
          m=audio 6002 RTP/AVP 0 96
          a=rtpmap:0 PCMU/8000
          a=rtpmap:96 telephone-event/8000
          a=fmtp:96 0-15
          """);

  static String crlf(String lf) {
    return lf.replace("\n", "\r\n");
  }

  static SessionDescription parse(String text) {
    try {
      return SessionDescription.parse(text);
    } catch (SdpException e) {
      throw new AssertionError("sample does not parse: " + e.getMessage(), e);
    }
  }
}
