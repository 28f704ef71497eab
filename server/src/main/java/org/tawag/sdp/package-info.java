/**
 * SDP (RFC 4566) parsing and writing, and the RFC 3264 offer/answer rules for G.711 audio with RFC
 * 4733 telephone-event.
 *
 * <p>Pure: no sockets, no SIP stack, no clock. Text in, values out; bad text from the wire is an
 * {@link org.tawag.sdp.SdpException} or a {@link org.tawag.sdp.OfferAnswer.Outcome.Rejected}.
 */
package org.tawag.sdp;
