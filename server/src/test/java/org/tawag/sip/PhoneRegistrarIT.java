package org.tawag.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tawag.sip.registrar.DigestMath;
import org.tawag.testing.RawSip;

/**
 * The phone registrar on the wire, with hand-written REGISTERs whose digests the test computes
 * itself (RFC 2617 qop=auth): challenge, success, replay, expiry limits, removal, malformed input,
 * and the trunk network's 405.
 */
@Timeout(60)
class PhoneRegistrarIT {
  static final Duration WAIT = Duration.ofSeconds(5);
  static final java.util.List<String> presence = new java.util.concurrent.CopyOnWriteArrayList<>();
  static PhoneTestServer tawag;

  @BeforeAll
  static void start() throws Exception {
    Path data = Files.createTempDirectory("tawag-phones-");
    tawag =
        PhoneTestServer.start(
            data,
            new org.tawag.sip.registrar.PhonePresence() {
              @Override
              public void registered(String username) {
                presence.add("+" + username);
              }

              @Override
              public void unregistered(String username) {
                presence.add("-" + username);
              }
            });
  }

  @AfterAll
  static void stop() {
    if (tawag != null) {
      tawag.close();
    }
  }

  /** One REGISTER transaction's worth of headers; each send gets a new branch. */
  private static final class Phone {
    final RawSip raw;
    final String user;
    final String callId = UUID.randomUUID() + "@phone";
    final String tag = Long.toHexString(System.nanoTime());
    int cseq = 1;
    int nc = 1;

    Phone(RawSip raw, String user) {
      this.raw = raw;
      this.user = user;
    }

    String uri() {
      return "sip:127.0.0.1:" + tawag.sipPort();
    }

    String register(String extraHeaders) {
      return """
          REGISTER %1$s SIP/2.0
          Via: SIP/2.0/UDP %2$s:%3$d;branch=z9hG4bK-%4$s;rport
          From: <sip:%5$s@127.0.0.1>;tag=%9$s
          To: <sip:%5$s@127.0.0.1>
          Call-ID: %6$s
          CSeq: %7$d REGISTER
          Contact: <sip:%5$s@%2$s:%3$d>
          Max-Forwards: 70
          %8$sContent-Length: 0

          """
          .formatted(
              uri(),
              raw.address(),
              raw.port(),
              UUID.randomUUID(),
              user,
              callId,
              cseq++,
              extraHeaders,
              tag);
    }

    String authorization(String nonce, String password, String realm) {
      String ncHex = String.format("%08x", nc++);
      String response =
          DigestMath.response(
              DigestMath.ha1(user, realm, password), nonce, ncHex, "abcdef", "REGISTER", uri());
      return ("Authorization: Digest username=\"%s\", realm=\"%s\", nonce=\"%s\", uri=\"%s\","
              + " response=\"%s\", algorithm=MD5, qop=auth, nc=%s, cnonce=\"abcdef\"\n")
          .formatted(user, realm, nonce, uri(), response, ncHex);
    }

    String send(String text) throws Exception {
      raw.send(text, tawag.sipPort());
      Optional<String> r = raw.finalResponse(WAIT);
      assertTrue(r.isPresent(), "no response to:\n" + text);
      return r.get();
    }

    /** Sends a REGISTER without credentials and returns the challenge's nonce. */
    String challenge(String extra) throws Exception {
      String r = send(register(extra));
      assertStatus(401, r);
      return nonceOf(r);
    }
  }

  static String nonceOf(String response) {
    Matcher m =
        Pattern.compile("WWW-Authenticate: Digest .*nonce=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE)
            .matcher(response);
    assertTrue(m.find(), "a digest challenge with a nonce:\n" + response);
    return m.group(1);
  }

  static void assertStatus(int status, String response) {
    assertTrue(
        response.startsWith("SIP/2.0 " + status + " "),
        "expected " + status + ", got:\n" + response);
  }

  @Test
  void challengeNamesRealmQopAndAlgorithm() throws Exception {
    try (RawSip raw = new RawSip("127.0.0.2")) {
      String r = new Phone(raw, "alice").send(new Phone(raw, "alice").register("Expires: 120\n"));
      assertStatus(401, r);
      String ask =
          r.lines().filter(l -> l.startsWith("WWW-Authenticate:")).findFirst().orElseThrow();
      assertTrue(ask.contains("Digest "), ask);
      assertTrue(ask.contains("realm=\"tawag\""), ask);
      assertTrue(ask.contains("qop=\"auth\""), ask);
      assertTrue(ask.contains("algorithm=MD5"), ask);
      assertFalse(ask.contains("stale"), ask);
    }
  }

  @Test
  void registersWithDigestRefusesAReplayAndUnregisters() throws Exception {
    try (RawSip raw = new RawSip("127.0.0.2")) {
      Phone bob = new Phone(raw, "bob");
      String nonce = bob.challenge("Expires: 120\n");
      String auth = bob.authorization(nonce, "bob-s3cret", "tawag");
      String ok = bob.send(bob.register("Expires: 120\n" + auth));
      assertStatus(200, ok);
      assertTrue(
          ok.contains("<sip:bob@127.0.0.2:" + raw.port() + ">;expires=120")
              || ok.contains("<sip:bob@127.0.0.2:" + raw.port() + ">;expires=119"),
          "200 lists the binding with its expiry:\n" + ok);
      assertTrue(tawag.phones().isRegistered("bob"));
      var binding = tawag.phones().find("bob").orElseThrow();
      assertEquals("127.0.0.2", binding.sourceHost());
      assertEquals(raw.port(), binding.sourcePort());
      assertEquals("udp", binding.transport());

      // The same answer again (same nc) in a new transaction: a replay.
      String replay = bob.send(bob.register("Expires: 120\n" + auth));
      assertStatus(401, replay);

      // Refresh with the next nc on the same nonce, then remove with Expires: 0.
      assertStatus(
          200,
          bob.send(
              bob.register("Expires: 120\n" + bob.authorization(nonce, "bob-s3cret", "tawag"))));
      String gone =
          bob.send(bob.register("Expires: 0\n" + bob.authorization(nonce, "bob-s3cret", "tawag")));
      assertStatus(200, gone);
      assertFalse(gone.contains("Contact:"), "no binding left:\n" + gone);
      assertFalse(tawag.phones().isRegistered("bob"));
      assertTrue(presence.containsAll(List.of("+bob", "-bob")), presence.toString());
    }
  }

  @Test
  void expiryIsClampedAndTooBriefGets423() throws Exception {
    try (RawSip raw = new RawSip("127.0.0.2")) {
      Phone alice = new Phone(raw, "alice");
      String nonce = alice.challenge("Expires: 30\n");
      String brief =
          alice.send(
              alice.register(
                  "Expires: 30\n" + alice.authorization(nonce, "alice-s3cret", "tawag")));
      assertStatus(423, brief);
      assertTrue(brief.contains("Min-Expires: 60"), brief);
      assertFalse(tawag.phones().isRegistered("alice"));

      String longAsk =
          alice.send(
              alice.register(
                  "Expires: 86400\n" + alice.authorization(nonce, "alice-s3cret", "tawag")));
      assertStatus(200, longAsk);
      assertTrue(longAsk.matches("(?s).*;expires=(3600|3599).*"), "cut to one hour:\n" + longAsk);

      String star =
          alice.send(
              alice
                  .register("Expires: 0\n" + alice.authorization(nonce, "alice-s3cret", "tawag"))
                  .replaceFirst("Contact: <[^>]+>", "Contact: *"));
      assertStatus(200, star);
      assertFalse(tawag.phones().isRegistered("alice"));
    }
  }

  @Test
  void wrongPasswordIsForbiddenAndBindsNothing() throws Exception {
    try (RawSip raw = new RawSip("127.0.0.2")) {
      Phone alice = new Phone(raw, "alice");
      String nonce = alice.challenge("");
      assertStatus(403, alice.send(alice.register(alice.authorization(nonce, "guess", "tawag"))));
      Phone eve = new Phone(raw, "eve");
      String n2 = eve.challenge("");
      assertStatus(403, eve.send(eve.register(eve.authorization(n2, "x", "tawag"))));
      assertFalse(tawag.phones().isRegistered("alice"));
      assertFalse(tawag.phones().isRegistered("eve"));
    }
  }

  @Test
  void forgedNonceIsChallengedAgain() throws Exception {
    try (RawSip raw = new RawSip("127.0.0.2")) {
      Phone alice = new Phone(raw, "alice");
      String r =
          alice.send(
              alice.register(
                  alice.authorization(
                      "18c0ffee.0011223344556677.00000000000000000000000000000000",
                      "alice-s3cret",
                      "tawag")));
      assertStatus(401, r);
      assertFalse(tawag.phones().isRegistered("alice"));
    }
  }

  @Test
  void registerWithoutToUserGets400AndRegistrarLivesOn() throws Exception {
    try (RawSip raw = new RawSip("127.0.0.2")) {
      Phone alice = new Phone(raw, "alice");
      String noUser =
          alice.register("").replace("To: <sip:alice@127.0.0.1>", "To: <sip:127.0.0.1>");
      assertStatus(400, alice.send(noUser));
    }
    registrationStillWorks();
  }

  @Test
  void malformedAuthorizationGets400AndRegistrarLivesOn() throws Exception {
    try (RawSip raw = new RawSip("127.0.0.2")) {
      Phone alice = new Phone(raw, "alice");
      String nonce = alice.challenge("");
      // Missing response and qop.
      assertStatus(
          400,
          alice.send(
              alice.register(
                  "Authorization: Digest username=\"alice\", realm=\"tawag\", nonce=\""
                      + nonce
                      + "\", uri=\""
                      + alice.uri()
                      + "\"\n")));
      // Not even parseable.
      assertStatus(400, alice.send(alice.register("Authorization: Digest ,,,=\"\n")));
      // The digest uri is not the Request-URI.
      String other =
          alice.authorization(nonce, "alice-s3cret", "tawag").replace(alice.uri(), "sip:elsewhere");
      assertStatus(400, alice.send(alice.register(other)));
    }
    registrationStillWorks();
  }

  @Test
  void registerFromATrunkNetworkStillGets405() throws Exception {
    try (RawSip raw = new RawSip("127.0.0.1")) {
      Phone alice = new Phone(raw, "alice");
      String r = alice.send(alice.register(""));
      assertStatus(405, r);
    }
  }

  private static void registrationStillWorks() throws Exception {
    try (RawSip raw = new RawSip("127.0.0.2")) {
      Phone alice = new Phone(raw, "alice");
      String nonce = alice.challenge("");
      assertStatus(
          200, alice.send(alice.register(alice.authorization(nonce, "alice-s3cret", "tawag"))));
      assertTrue(tawag.phones().isRegistered("alice"));
      assertStatus(
          200,
          alice.send(
              alice.register(
                  "Expires: 0\n" + alice.authorization(nonce, "alice-s3cret", "tawag"))));
    }
  }
}
