package org.tawag.sip.registrar;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where the registrar finds a phone user's secret: the digest HA1, {@code MD5(username ":" realm
 * ":" password)} in lower-case hex (RFC 2617 §3.2.2.2), so the store never needs the password.
 *
 * <p>The lookup is asynchronous because the users store hits the database; the registrar calls it
 * on a JAIN-SIP thread and must never block there.
 */
public interface PhoneCredentials {

  /**
   * The HA1 of {@code username} for the registrar's realm, or empty when no such phone user exists
   * (or it may not register). A failed future means the store could not answer (the phone then gets
   * 503 and retries later).
   */
  CompletableFuture<Optional<String>> ha1(String username);
}
