package org.tawag.sip.registrar;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Phone credentials held in a map: for tests and fixed demo setups. */
public final class StaticPhoneCredentials implements PhoneCredentials {
  private final Map<String, String> ha1ByUser;

  /** Credentials from {@code username -> HA1} (lower-case hex MD5). */
  public StaticPhoneCredentials(Map<String, String> ha1ByUser) {
    this.ha1ByUser = Map.copyOf(ha1ByUser);
  }

  /** Credentials from {@code username -> password}, hashed for {@code realm}. */
  public static StaticPhoneCredentials withPasswords(String realm, Map<String, String> passwords) {
    Map<String, String> ha1 = new HashMap<>();
    passwords.forEach((user, password) -> ha1.put(user, DigestMath.ha1(user, realm, password)));
    return new StaticPhoneCredentials(ha1);
  }

  @Override
  public CompletableFuture<Optional<String>> ha1(String username) {
    return CompletableFuture.completedFuture(Optional.ofNullable(ha1ByUser.get(username)));
  }
}
