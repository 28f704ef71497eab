package org.tawag.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tawag.testing.FakeClock;

class DigestCheckTest {
  static final String REALM = "tawag";
  static final String URI = "sip:127.0.0.1:5060";
  static final String HA1 = DigestMath.ha1("alice", REALM, "correct horse");

  final FakeClock clock = new FakeClock();
  final Nonces nonces = new Nonces(NoncesTest.SECRET, NoncesTest.LIFETIME, clock);
  final NonceCounts counts = new NonceCounts(NoncesTest.LIFETIME, clock);
  final DigestCheck check = new DigestCheck(REALM, nonces, counts);

  /** What a phone sends for {@code password} with nonce count {@code nc}. */
  static DigestCredentials answer(String user, String password, String nonce, int nc) {
    String ncHex = String.format("%08x", nc);
    String response =
        DigestMath.response(
            DigestMath.ha1(user, REALM, password), nonce, ncHex, "c0ffee", "REGISTER", URI);
    return new DigestCredentials(user, REALM, nonce, URI, response, ncHex, "c0ffee");
  }

  private DigestCheck.Verdict verdict(DigestCredentials c) {
    Optional<DigestCheck.Outcome> early = check.beforeLookup(c, "alice", true);
    if (early.isPresent()) {
      return early.get().verdict();
    }
    return check
        .afterLookup(
            c, "REGISTER", c.username().equals("alice") ? Optional.of(HA1) : Optional.empty())
        .verdict();
  }

  @Test
  void rightPasswordIsAccepted() {
    assertEquals(
        DigestCheck.Verdict.ACCEPTED,
        verdict(answer("alice", "correct horse", nonces.create(), 1)));
  }

  @Test
  void wrongPasswordAndUnknownUserAreForbiddenAlike() {
    String n = nonces.create();
    assertEquals(DigestCheck.Verdict.FORBIDDEN, verdict(answer("alice", "wrong", n, 1)));
    DigestCredentials mallory = answer("mallory", "x", n, 1);
    assertEquals(
        DigestCheck.Verdict.FORBIDDEN,
        check.afterLookup(mallory, "REGISTER", Optional.empty()).verdict());
  }

  @Test
  void usernameMustBeTheToUser() {
    DigestCredentials bob = answer("bob", "pw", nonces.create(), 1);
    assertEquals(
        DigestCheck.Verdict.FORBIDDEN,
        check.beforeLookup(bob, "alice", true).orElseThrow().verdict());
  }

  @Test
  void anotherRealmIsChallengedAgain() {
    DigestCredentials c = answer("alice", "correct horse", nonces.create(), 1);
    DigestCredentials other =
        new DigestCredentials(
            c.username(), "elsewhere", c.nonce(), c.uri(), c.response(), c.nc(), c.cnonce());
    assertEquals(
        DigestCheck.Verdict.CHALLENGE,
        check.beforeLookup(other, "alice", true).orElseThrow().verdict());
  }

  @Test
  void uriThatIsNotTheRequestUriIsABadRequest() {
    DigestCredentials c = answer("alice", "correct horse", nonces.create(), 1);
    assertEquals(
        DigestCheck.Verdict.BAD_REQUEST,
        check.beforeLookup(c, "alice", false).orElseThrow().verdict());
  }

  @Test
  void forgedNonceIsChallengedBeforeAnyLookup() {
    DigestCredentials c =
        answer("alice", "correct horse", "17f.00.0123456789abcdef0123456789abcdef", 1);
    assertEquals(
        DigestCheck.Verdict.CHALLENGE,
        check.beforeLookup(c, "alice", true).orElseThrow().verdict());
  }

  @Test
  void expiredNonceWithTheRightAnswerIsStale() {
    String n = nonces.create();
    clock.advance(NoncesTest.LIFETIME.plusSeconds(1));
    assertEquals(DigestCheck.Verdict.STALE, verdict(answer("alice", "correct horse", n, 1)));
  }

  @Test
  void expiredNonceWithAWrongAnswerIsNotStale() {
    String n = nonces.create();
    clock.advance(NoncesTest.LIFETIME.plusSeconds(1));
    // RFC 7616 §3.3: stale=true only when the digest itself was right.
    assertEquals(DigestCheck.Verdict.FORBIDDEN, verdict(answer("alice", "wrong", n, 1)));
  }

  @Test
  void replayedNonceCountIsRefused() {
    String n = nonces.create();
    DigestCredentials first = answer("alice", "correct horse", n, 1);
    assertEquals(DigestCheck.Verdict.ACCEPTED, verdict(first));
    assertEquals(DigestCheck.Verdict.CHALLENGE, verdict(first));
  }

  @Test
  void nonceCountMustGrowStrictly() {
    String n = nonces.create();
    assertEquals(DigestCheck.Verdict.ACCEPTED, verdict(answer("alice", "correct horse", n, 2)));
    assertEquals(DigestCheck.Verdict.CHALLENGE, verdict(answer("alice", "correct horse", n, 1)));
    assertEquals(DigestCheck.Verdict.CHALLENGE, verdict(answer("alice", "correct horse", n, 2)));
    assertEquals(DigestCheck.Verdict.ACCEPTED, verdict(answer("alice", "correct horse", n, 3)));
  }

  @Test
  void aWrongAnswerDoesNotUseUpTheCounter() {
    String n = nonces.create();
    assertEquals(DigestCheck.Verdict.FORBIDDEN, verdict(answer("alice", "guess", n, 9)));
    assertEquals(DigestCheck.Verdict.ACCEPTED, verdict(answer("alice", "correct horse", n, 1)));
  }

  @Test
  void countersOfExpiredNoncesAreSwept() {
    assertEquals(
        DigestCheck.Verdict.ACCEPTED,
        verdict(answer("alice", "correct horse", nonces.create(), 1)));
    assertEquals(1, counts.size());
    clock.advance(NoncesTest.LIFETIME);
    assertEquals(0, counts.sweep());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(1, counts.sweep());
    assertTrue(counts.size() == 0);
  }
}
