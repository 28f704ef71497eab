package org.tawag.sip.registrar;

import java.util.Objects;

/**
 * What lets SIP phones register with Tawag: who they are, who hears of them, and the registrar's
 * settings. Given to {@code SipService.start}; without it REGISTER keeps its 405.
 *
 * @param credentials the phone users' digest secrets (the users store)
 * @param presence told when a user registers and unregisters (the ACD's login)
 * @param settings realm, nonce lifetime, expiry limits
 */
public record PhoneAccess(
    PhoneCredentials credentials, PhonePresence presence, RegistrarSettings settings) {
  public PhoneAccess {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(presence, "presence");
    Objects.requireNonNull(settings, "settings");
  }

  /** {@code credentials} with no presence listener and {@link RegistrarSettings#defaults()}. */
  public static PhoneAccess of(PhoneCredentials credentials) {
    return new PhoneAccess(credentials, PhonePresence.NONE, RegistrarSettings.defaults());
  }
}
