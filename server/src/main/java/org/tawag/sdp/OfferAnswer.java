package org.tawag.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tawag.media.AudioCodec;

/**
 * The offer/answer rules of RFC 3264 for one G.711 audio stream with RFC 4733 telephone-event:
 * answering a peer's offer, writing our offer, and reading the answer to it.
 */
public final class OfferAnswer {
  /** The {@code s=} of every description we write. */
  public static final String SESSION_NAME = "Tawag";

  /** The telephone-event events we offer: DTMF 0-15 and flash 16 (RFC 4733 §3.2). */
  public static final String OFFERED_EVENTS = "0-16";

  /** The SIP status for an offer we cannot take (RFC 3261 §21.4.26, RFC 3264 §6). */
  public static final int NOT_ACCEPTABLE_HERE = 488;

  private OfferAnswer() {}

  /** What answering an offer gave: an answer to send, or a SIP rejection. */
  public sealed interface Outcome permits Outcome.Accepted, Outcome.Rejected {
    /** The offer is acceptable: send {@code answer}; start media with {@code media}. */
    record Accepted(SessionDescription answer, Negotiated media) implements Outcome {
      public Accepted {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(media, "media");
      }
    }

    /**
     * No offered stream is usable audio: reject the request with {@code sipStatus} (488) and a
     * {@code Warning: 305} header carrying {@code warning} (RFC 3261 §20.43).
     */
    record Rejected(int sipStatus, String warning) implements Outcome {}
  }

  /**
   * Answers a peer's offer (RFC 3264 §6). The answer has one {@code m=} line per offered one, in
   * order; the first usable audio stream is accepted and every other stream gets port 0. In the
   * accepted stream we take the first payload type, in the offerer's order, whose codec is in
   * {@code local.codecs()} (§6.1 lets the answerer pick; honouring the offerer's preference is what
   * PBXes expect), keep the offerer's payload type numbers and its telephone-event fmtp, copy its
   * {@code a=ptime}, and answer its direction with {@link Direction#answerTo()}. An offer with
   * {@code c=0.0.0.0} is a legacy hold (§8.4): we answer recvonly or inactive and send nothing.
   */
  public static Outcome answer(SessionDescription offer, LocalMedia local, SdpOrigin origin) {
    Objects.requireNonNull(offer, "offer");
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(origin, "origin");
    List<MediaDescription> streams = new ArrayList<>();
    RemoteAudio chosen = null;
    String firstProblem = null;
    for (MediaDescription offered : offer.media()) {
      if (chosen == null) {
        try {
          chosen = RemoteAudio.read(offer, offered, local.codecs());
          streams.add(answerStream(chosen, local));
          continue;
        } catch (SdpException unusable) {
          if (firstProblem == null && offered.media().equals("audio")) {
            firstProblem = unusable.getMessage();
          }
        }
      }
      streams.add(rejectedStream(offered));
    }
    if (chosen == null) {
      String warning =
          "Incompatible media format: "
              + (firstProblem == null ? "no audio offered" : firstProblem);
      return new Outcome.Rejected(NOT_ACCEPTABLE_HERE, warning);
    }
    SessionDescription answer = origin.stamp(draft(origin, local, streams));
    Negotiated media =
        new Negotiated(
            chosen.address,
            chosen.stream.port(),
            chosen.rtcpPort,
            chosen.codec,
            chosen.audioPayloadType,
            chosen.telephoneEventPayloadType,
            chosen.packetTimeMs,
            chosen.direction.answerTo());
    return new Outcome.Accepted(answer, media);
  }

  /**
   * Our offer for a call we place or a re-INVITE we send (RFC 3264 §5): one audio stream with all
   * of {@code local.codecs()} in order, telephone-event with events 0-16 when {@code local} names a
   * payload type for it, {@code a=ptime:20} and {@code direction}.
   */
  public static SessionDescription offer(LocalMedia local, SdpOrigin origin, Direction direction) {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(direction, "direction");
    MediaDescription.Builder stream =
        MediaDescription.builder("audio", local.rtpPort(), RemoteAudio.PROTOCOL);
    for (AudioCodec codec : local.codecs()) {
      stream.payloadType(codec.payloadType());
    }
    int telephoneEvent = local.telephoneEventPayloadType();
    if (telephoneEvent >= 0) {
      stream.payloadType(telephoneEvent);
    }
    for (AudioCodec codec : local.codecs()) {
      stream.rtpmap(codec.payloadType(), codec.encodingName(), RemoteAudio.CLOCK_RATE);
    }
    if (telephoneEvent >= 0) {
      stream.rtpmap(telephoneEvent, RemoteAudio.TELEPHONE_EVENT, RemoteAudio.CLOCK_RATE);
      stream.attribute("fmtp", telephoneEvent + " " + OFFERED_EVENTS);
    }
    stream.attribute("ptime", Integer.toString(RemoteAudio.DEFAULT_PACKET_TIME_MS));
    stream.direction(direction);
    return origin.stamp(draft(origin, local, List.of(stream.build())));
  }

  /**
   * Reads the peer's answer to {@code ourOffer} (RFC 3264 §6, §7) for the first audio stream we
   * offered. We send with the answer's payload type numbers; we do what both our offered direction
   * and the reverse of the answer's allow.
   *
   * @throws SdpException when the answer breaks the rules or rejects our audio: a different number
   *     of {@code m=} lines, port 0, another transport, or no codec we offered
   * @throws IllegalArgumentException when {@code ourOffer} has no audio stream
   */
  public static Negotiated accept(SessionDescription ourOffer, SessionDescription answer)
      throws SdpException {
    int index = firstAudio(ourOffer);
    if (answer.media().size() != ourOffer.media().size()) {
      throw new SdpException(
          "answer has "
              + answer.media().size()
              + " m= lines for the "
              + ourOffer.media().size()
              + " we offered (RFC 3264 §6)");
    }
    MediaDescription offered = ourOffer.media().get(index);
    MediaDescription answered = answer.media().get(index);
    if (!answered.media().equals("audio")) {
      throw new SdpException("answer has m=" + answered.media() + " for our audio stream");
    }
    RemoteAudio remote = RemoteAudio.read(answer, answered, RemoteAudio.codecsOf(offered));
    boolean weOfferedEvents =
        offered.payloadTypes().stream()
            .anyMatch(
                pt ->
                    offered.rtpmap(pt) != null
                        && offered
                            .rtpmap(pt)
                            .names(RemoteAudio.TELEPHONE_EVENT, RemoteAudio.CLOCK_RATE));
    Direction ours = ourOffer.directionOf(offered);
    return new Negotiated(
        remote.address,
        answered.port(),
        remote.rtcpPort,
        remote.codec,
        remote.audioPayloadType,
        weOfferedEvents ? remote.telephoneEventPayloadType : -1,
        remote.packetTimeMs,
        ours.intersect(remote.direction.answerTo()));
  }

  private static int firstAudio(SessionDescription ourOffer) {
    List<MediaDescription> media = ourOffer.media();
    for (int i = 0; i < media.size(); i++) {
      if (media.get(i).media().equals("audio") && media.get(i).port() != 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("our offer has no audio stream: " + ourOffer);
  }

  /** Our accepted stream: the chosen codec, the offerer's telephone-event, its ptime. */
  private static MediaDescription answerStream(RemoteAudio chosen, LocalMedia local) {
    MediaDescription.Builder stream =
        MediaDescription.builder("audio", local.rtpPort(), RemoteAudio.PROTOCOL)
            .payloadType(chosen.audioPayloadType);
    int telephoneEvent = chosen.telephoneEventPayloadType;
    if (telephoneEvent >= 0) {
      stream.payloadType(telephoneEvent);
    }
    stream.rtpmap(chosen.audioPayloadType, chosen.codec.encodingName(), RemoteAudio.CLOCK_RATE);
    if (telephoneEvent >= 0) {
      stream.rtpmap(telephoneEvent, RemoteAudio.TELEPHONE_EVENT, RemoteAudio.CLOCK_RATE);
      if (chosen.telephoneEventFmtp != null) {
        stream.attribute("fmtp", telephoneEvent + " " + chosen.telephoneEventFmtp);
      }
    }
    if (chosen.stream.ptime() != null) {
      stream.attribute("ptime", chosen.stream.ptime().toString());
    }
    return stream.direction(chosen.direction.answerTo()).build();
  }

  /** A stream we decline: port 0 with the offered formats (RFC 3264 §6). */
  private static MediaDescription rejectedStream(MediaDescription offered) {
    return new MediaDescription(
        offered.media(),
        0,
        null,
        offered.protocol(),
        offered.formats(),
        null,
        List.of(),
        List.of());
  }

  private static SessionDescription draft(
      SdpOrigin origin, LocalMedia local, List<MediaDescription> streams) {
    return new SessionDescription(
        origin.origin(0),
        SESSION_NAME,
        Connection.of(local.address()),
        List.of(new SdpLine('t', "0 0")),
        List.of(),
        streams);
  }
}
