package org.tawag.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NewUserTest {
  static final String PW = "correct horse";

  @Test
  void validatedLowerCasesUsernameAndDefaultsDisplayName() {
    NewUser u = new NewUser("  Alice.B ", " ", PW, Set.of(Role.OPERATOR)).validated();
    assertEquals("alice.b", u.username());
    assertEquals("alice.b", u.displayName());
  }

  @Test
  void everyBadFieldIsNamedAndNoValueIsQuoted() {
    NewUser bad = new NewUser("bad name!", "x".repeat(201), "short", Set.of(), "tiny-pw");
    ValidationException e = assertThrows(ValidationException.class, bad::validated);
    assertEquals(
        List.of("username", "displayName", "password", "roles", "sipPassword"),
        List.copyOf(e.errors().keySet()));
    assertFalse(e.getMessage().contains("short"));
    e.errors().values().forEach(m -> assertFalse(m.contains("short") || m.contains("tiny-pw")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "agent-7",
        "j.doe_2",
        "0123456789012345678901234567890123456789012345678901234567890123"
      })
  void goodUsernames(String name) {
    assertEquals(null, UserRules.usernameProblem(name));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "with space",
        "ümlaut",
        "a/b",
        "x@y",
        "01234567890123456789012345678901234567890123456789012345678901234"
      })
  void badUsernames(String name) {
    assertTrue(UserRules.usernameProblem(name) != null, name);
  }

  @Test
  void passwordRulesCountBytesForBcrypt() {
    assertEquals(null, UserRules.passwordProblem("a".repeat(71)));
    assertTrue(UserRules.passwordProblem("a".repeat(72)).contains("71 bytes"));
    // 24 three-byte characters are 72 bytes: too long for bcrypt although only 24 characters.
    assertTrue(UserRules.passwordProblem("€".repeat(24)) != null);
    assertTrue(UserRules.passwordProblem("abc\ndefgh") != null);
    assertTrue(UserRules.passwordProblem("1234567").contains("at least 8"));
  }

  @Test
  void toStringsHideSecretsAndNames() {
    NewUser u = new NewUser("alice", "Alice Liddell", PW, Set.of(Role.ADMIN), "sip-secret-1");
    assertFalse(u.toString().contains(PW));
    assertFalse(u.toString().contains("sip-secret-1"));
    assertFalse(u.toString().contains("Liddell"));
    User user =
        new User(
            1,
            "alice",
            "Alice Liddell",
            Set.of(Role.ADMIN),
            true,
            true,
            Instant.EPOCH,
            Instant.EPOCH);
    assertFalse(user.toString().contains("Liddell"));
    Credentials c =
        new Credentials(user, "$2a$10$abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabc");
    assertFalse(c.toString().contains("$2a$"));
    Session s =
        new Session("tok-secret", "alice", Set.of(Role.ADMIN), Instant.EPOCH, Instant.EPOCH);
    assertFalse(s.toString().contains("tok-secret"));
  }

  @Test
  void rolesParseFromCodes() {
    assertEquals(Set.of(Role.OPERATOR, Role.SUPERVISOR), Role.parseList("operator, Supervisor"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Role.parseList("operator,boss"));
    assertTrue(e.getMessage().contains("boss"));
    assertThrows(IllegalArgumentException.class, () -> Role.parseList(" , "));
    assertEquals(Map.of("x", "y"), ValidationException.of("x", "y").errors());
  }
}
