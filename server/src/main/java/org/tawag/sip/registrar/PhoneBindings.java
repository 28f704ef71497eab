package org.tawag.sip.registrar;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registered phones, one binding per user: a new REGISTER from another contact replaces the old
 * one (an operator works at one phone at a time). Lapsed bindings are dropped when looked up and by
 * {@link #sweep()}; each change is told to the {@link PhonePresence}.
 *
 * <p>Thread-safe and non-blocking: REGISTERs arrive on JAIN-SIP threads, lookups come from calls'
 * event loops, the sweep from the timer.
 */
public final class PhoneBindings {
  private final Map<String, PhoneBinding> bindings = new ConcurrentHashMap<>();
  private final Clock clock;
  private final PhonePresence presence;

  public PhoneBindings(Clock clock, PhonePresence presence) {
    this.clock = clock;
    this.presence = presence;
  }

  /** The live binding of {@code username}, if any. */
  public Optional<PhoneBinding> find(String username) {
    PhoneBinding b = bindings.get(username);
    if (b != null && b.expired(clock.instant())) {
      lapse(b);
      return Optional.empty();
    }
    return Optional.ofNullable(b);
  }

  /** Whether {@code username} is registered now. */
  public boolean isRegistered(String username) {
    return find(username).isPresent();
  }

  /** Every live binding, in no particular order. */
  public List<PhoneBinding> all() {
    Instant now = clock.instant();
    List<PhoneBinding> live = new ArrayList<>();
    for (PhoneBinding b : bindings.values()) {
      if (!b.expired(now)) {
        live.add(b);
      }
    }
    return live;
  }

  /** Adds or refreshes a binding; a user that had none (or a lapsed one) becomes registered. */
  void put(PhoneBinding binding) {
    Instant now = clock.instant();
    PhoneBinding old = bindings.put(binding.username(), binding);
    if (old == null) {
      presence.registered(binding.username());
    } else if (old.expired(now)) {
      presence.unregistered(old.username());
      presence.registered(binding.username());
    }
  }

  /** Removes {@code username}'s binding; true when it had a live one. */
  boolean remove(String username) {
    PhoneBinding old = bindings.remove(username);
    if (old != null) {
      presence.unregistered(username);
    }
    return old != null && !old.expired(clock.instant());
  }

  /** Drops every lapsed binding; returns how many. */
  public int sweep() {
    Instant now = clock.instant();
    int dropped = 0;
    for (PhoneBinding b : bindings.values()) {
      if (b.expired(now) && lapse(b)) {
        dropped++;
      }
    }
    return dropped;
  }

  /** Removes {@code b} if it is still the user's binding (a refresh may have replaced it). */
  private boolean lapse(PhoneBinding b) {
    if (bindings.remove(b.username(), b)) {
      presence.unregistered(b.username());
      return true;
    }
    return false;
  }
}
