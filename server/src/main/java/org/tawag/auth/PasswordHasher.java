package org.tawag.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Hashes and checks passwords with bcrypt. Both are deliberately slow (about 50-100 ms at cost 10
 * on this machine's cores): call them off event loops ({@code executeBlocking} or a worker).
 *
 * <p>Checking against no hash (an unknown user) still runs one bcrypt verification of a dummy hash
 * of the same cost, so the time of a failed login does not tell whether the user exists.
 */
public final class PasswordHasher {
  /** The bcrypt cost when none is configured: 2^10 rounds. */
  public static final int DEFAULT_COST = 10;

  /** The cheapest cost bcrypt allows; tests use it to stay fast. */
  public static final int MIN_COST = 4;

  /** The dearest cost accepted: each step doubles the time, 16 is already seconds. */
  public static final int MAX_COST = 16;

  private final int cost;
  private final BCrypt.Hasher hasher;
  private final BCrypt.Verifyer verifyer = BCrypt.verifyer();
  private final String dummyHash;

  /**
   * A hasher of cost {@code cost}.
   *
   * @throws IllegalArgumentException when {@code cost} is outside {@value #MIN_COST}..{@value
   *     #MAX_COST}
   */
  public PasswordHasher(int cost) {
    if (cost < MIN_COST || cost > MAX_COST) {
      throw new IllegalArgumentException(
          "bcrypt cost must be " + MIN_COST + ".." + MAX_COST + " but was " + cost);
    }
    this.cost = cost;
    this.hasher = BCrypt.with(new SecureRandom());
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    this.dummyHash = hash(HexFormat.of().formatHex(random));
  }

  /** The cost of new hashes. */
  public int cost() {
    return cost;
  }

  /**
   * A new salted bcrypt hash of {@code password}.
   *
   * @throws IllegalArgumentException when the password breaks {@link
   *     UserRules#passwordProblem(String)}'s length rules (the message does not quote it)
   */
  public String hash(String password) {
    if (password == null || unusable(password)) {
      throw new IllegalArgumentException(
          "password must be 1.." + UserRules.PASSWORD_MAX_BYTES + " UTF-8 bytes");
    }
    return hasher.hashToString(cost, password.toCharArray());
  }

  /**
   * Whether {@code password} matches {@code hash}; with a {@code null} hash (no such user) it
   * spends the same time and answers {@code false}. A malformed hash or an over-long password also
   * answers {@code false}, never throws.
   */
  public boolean verify(String password, String hash) {
    if (password == null || unusable(password) || hash == null) {
      verifyer.verify("not the password".toCharArray(), dummyHash);
      return false;
    }
    BCrypt.Result result = verifyer.verify(password.toCharArray(), hash);
    return result.validFormat && result.verified;
  }

  private static boolean unusable(String password) {
    return password.isEmpty()
        || password.getBytes(StandardCharsets.UTF_8).length > UserRules.PASSWORD_MAX_BYTES;
  }
}
