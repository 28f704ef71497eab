package org.tawag.sip;

import gov.nist.javax.sip.Utils;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.tawag.config.TrunkConfig;

/**
 * Answers a trunk's digest challenge (RFC 3261 §22.2-22.3 with RFC 2617 qop=auth): the same request
 * again with CSeq + 1, a new branch, and Authorization or Proxy-Authorization.
 *
 * <p>Written here rather than using JAIN-SIP's AuthenticationHelper, which adds a {@code maddr}
 * parameter to the Request-URI (some registrars then compute a different digest) and always sends
 * the same cnonce.
 */
final class DigestAuthorizer {
  private DigestAuthorizer() {}

  /**
   * The request to send after {@code challenge}.
   *
   * @throws IllegalArgumentException when the challenge is not MD5 digest, naming what it asks
   */
  static Request authorize(
      SipEndpoint sip, Request original, Response challenge, TrunkConfig.Credentials credentials)
      throws Exception {
    boolean proxy = challenge.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED;
    WWWAuthenticateHeader ask =
        (WWWAuthenticateHeader)
            challenge.getHeader(proxy ? ProxyAuthenticateHeader.NAME : WWWAuthenticateHeader.NAME);
    if (ask == null || !"digest".equalsIgnoreCase(ask.getScheme())) {
      throw new IllegalArgumentException("no Digest challenge in " + challenge.getStatusCode());
    }
    String algorithm = ask.getAlgorithm();
    if (algorithm != null && !algorithm.equalsIgnoreCase("MD5")) {
      throw new IllegalArgumentException("unsupported digest algorithm " + algorithm);
    }
    Request r = (Request) original.clone();
    CSeqHeader cseq = (CSeqHeader) r.getHeader(CSeqHeader.NAME);
    cseq.setSeqNumber(cseq.getSeqNumber() + 1);
    ((ViaHeader) r.getHeader(ViaHeader.NAME)).setBranch(Utils.getInstance().generateBranchId());
    r.removeHeader(proxy ? ProxyAuthorizationHeader.NAME : AuthorizationHeader.NAME);

    String realm = ask.getRealm();
    String uri = r.getRequestURI().toString();
    AuthorizationHeader answer =
        proxy
            ? sip.headers().createProxyAuthorizationHeader("Digest")
            : sip.headers().createAuthorizationHeader("Digest");
    answer.setUsername(credentials.username());
    answer.setRealm(realm);
    answer.setNonce(ask.getNonce());
    answer.setURI(r.getRequestURI());
    answer.setAlgorithm("MD5");
    if (ask.getOpaque() != null) {
      answer.setOpaque(ask.getOpaque());
    }
    String qop = ask.getQop();
    boolean auth = qop != null && qop.toLowerCase(Locale.ROOT).contains("auth");
    String cnonce = auth ? Long.toHexString(ThreadLocalRandom.current().nextLong()) : null;
    if (auth) {
      answer.setQop("auth");
      answer.setCNonce(cnonce);
      answer.setNonceCount(1); // A fresh nonce per challenge: this is its first use.
    }
    answer.setResponse(
        response(
            credentials.username(),
            realm,
            credentials.password(),
            r.getMethod(),
            uri,
            ask.getNonce(),
            auth ? "00000001" : null,
            cnonce));
    r.addHeader(answer);
    return r;
  }

  /**
   * The digest response of RFC 2617 §3.2.2.1: with qop=auth when {@code nc} is given, else the RFC
   * 2069 form that RFC 3261 keeps.
   */
  static String response(
      String user,
      String realm,
      String password,
      String method,
      String uri,
      String nonce,
      String nc,
      String cnonce) {
    String ha1 = md5(user + ":" + realm + ":" + password);
    String ha2 = md5(method + ":" + uri);
    return nc == null
        ? md5(ha1 + ":" + nonce + ":" + ha2)
        : md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
  }

  static String md5(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }
}
