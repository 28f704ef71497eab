package org.tawag.sip.registrar;

/**
 * Hears when a phone user gains or loses its registration, so the ACD can log the operator in and
 * out. Calls alternate per user (registered, unregistered, registered...). Methods run on JAIN-SIP
 * or timer threads: they must be fast, must not block and must not throw.
 */
public interface PhonePresence {

  /** Listens to nothing. */
  PhonePresence NONE =
      new PhonePresence() {
        @Override
        public void registered(String username) {}

        @Override
        public void unregistered(String username) {}
      };

  /** {@code username} now has a binding (it had none, or only an expired one). */
  void registered(String username);

  /** {@code username}'s binding was removed ({@code Expires: 0}) or expired. */
  void unregistered(String username);
}
