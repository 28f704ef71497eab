package org.tawag.sdp;

import java.util.Objects;

/**
 * Our {@code o=} line for one dialog: a constant session id and a version that grows by one each
 * time we send a description that differs from the one we sent before (RFC 4566 §5.2, RFC 3264 §8).
 * Sending the same description again, as a session-timer refresh does (RFC 4028), keeps the
 * version, so the peer sees no change.
 *
 * <p>Not thread-safe: owned by the dialog, used on its serial context. Stamp only descriptions that
 * are really sent.
 */
public final class SdpOrigin {
  /** The {@code o=} username: RFC 4566 §5.2 asks for {@code -} when there is no user id. */
  public static final String USERNAME = "-";

  /** The version of the first description we send in the dialog. */
  public static final long FIRST_VERSION = 1;

  private final long sessionId;
  private final String address;
  private long version;
  private String lastContent;

  /**
   * An origin that has sent nothing yet.
   *
   * @param sessionId a number unique to this dialog, not negative (for example random)
   * @param address our IP literal, written in the {@code o=} line
   */
  public SdpOrigin(long sessionId, String address) {
    if (sessionId < 0) {
      throw new IllegalArgumentException("session id must not be negative: " + sessionId);
    }
    if (!IpLiteral.isLiteral(address)) {
      throw new IllegalArgumentException("origin address must be an IP literal: " + address);
    }
    this.sessionId = sessionId;
    this.address = address;
  }

  /** The session id, constant for the dialog. */
  public long sessionId() {
    return sessionId;
  }

  /** The address in our {@code o=} line. */
  public String address() {
    return address;
  }

  /** The version of the last description stamped, or 0 before the first. */
  public long version() {
    return version;
  }

  /**
   * The version for a description we are about to send, given its text with a fixed version in the
   * {@code o=} line: the previous version when the text is the same as last time, else the next one
   * (the first time, {@link #FIRST_VERSION}).
   */
  public long versionFor(String content) {
    Objects.requireNonNull(content, "content");
    if (!content.equals(lastContent)) {
      if (lastContent != null && version == Long.MAX_VALUE) {
        throw new IllegalStateException("SDP session version exhausted for session " + sessionId);
      }
      version = lastContent == null ? FIRST_VERSION : version + 1;
      lastContent = content;
    }
    return version;
  }

  /**
   * {@code draft} with our {@code o=} line: this origin's session id and address, and the version
   * from {@link #versionFor}. Everything else of the draft is kept.
   */
  public SessionDescription stamp(SessionDescription draft) {
    Origin unversioned = origin(0);
    String content = draft.withOrigin(unversioned).toString();
    return draft.withOrigin(unversioned.withVersion(versionFor(content)));
  }

  /** Our {@code o=} line with the given version. */
  Origin origin(long withVersion) {
    return new Origin(
        USERNAME,
        Long.toString(sessionId),
        withVersion,
        Connection.of(address).addressType(),
        address);
  }
}
