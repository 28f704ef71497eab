package org.tawag.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  final PasswordHasher hasher = new PasswordHasher(PasswordHasher.MIN_COST);

  @Test
  void hashIsSaltedBcryptOfTheConfiguredCost() {
    String a = hasher.hash("correct horse");
    String b = hasher.hash("correct horse");
    assertTrue(a.startsWith("$2a$04$"), a);
    assertTrue(a.length() == 60);
    assertNotEquals(a, b);
    assertFalse(a.contains("correct horse"));
  }

  @Test
  void verifyAcceptsOnlyThePassword() {
    String hash = hasher.hash("correct horse");
    assertTrue(hasher.verify("correct horse", hash));
    assertFalse(hasher.verify("correct hors", hash));
    assertFalse(hasher.verify("Correct horse", hash));
  }

  @Test
  void unknownUserMalformedHashAndOverlongPasswordAreFalseNotErrors() {
    assertFalse(hasher.verify("correct horse", null));
    assertFalse(hasher.verify("correct horse", "not a bcrypt hash"));
    assertFalse(hasher.verify("x".repeat(500), hasher.hash("correct horse")));
    assertFalse(hasher.verify(null, null));
    assertFalse(hasher.verify("", hasher.hash("correct horse")));
  }

  @Test
  void costOutsideBoundsIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(3));
    assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(17));
    assertTrue(new PasswordHasher(5).hash("correct horse").startsWith("$2a$05$"));
  }

  @Test
  void hashingAnOverlongPasswordIsRefusedWithoutQuotingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> hasher.hash("y".repeat(72)));
    assertFalse(e.getMessage().contains("yyyy"));
  }
}
