package org.tawag.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tawag.testing.FakeClock;

class PhoneBindingsTest {
  final FakeClock clock = new FakeClock();
  final RecordingPhonePresence presence = new RecordingPhonePresence();
  final PhoneBindings bindings = new PhoneBindings(clock, presence);

  private PhoneBinding binding(String user, String contact, Duration expires) {
    return new PhoneBinding(
        user, contact, "192.0.2.7", 5062, "udp", "call-1", 1, clock.instant().plus(expires));
  }

  @Test
  void registersOnceAndRefreshesSilently() {
    bindings.put(binding("alice", "sip:alice@192.0.2.7:5062", Duration.ofSeconds(60)));
    clock.advance(Duration.ofSeconds(30));
    bindings.put(binding("alice", "sip:alice@192.0.2.7:5062", Duration.ofSeconds(60)));
    assertEquals(List.of("+alice"), presence.events);
    assertTrue(bindings.isRegistered("alice"));
    assertEquals(60, bindings.find("alice").orElseThrow().secondsLeft(clock.instant()));
  }

  @Test
  void aNewContactReplacesTheOld() {
    bindings.put(binding("alice", "sip:alice@192.0.2.7:5062", Duration.ofSeconds(60)));
    bindings.put(binding("alice", "sip:alice@192.0.2.8:5062", Duration.ofSeconds(60)));
    assertEquals("sip:alice@192.0.2.8:5062", bindings.find("alice").orElseThrow().contact());
    assertEquals(1, bindings.all().size());
  }

  @Test
  void lapsedBindingIsGoneOnLookup() {
    bindings.put(binding("alice", "sip:alice@x", Duration.ofSeconds(60)));
    clock.advance(Duration.ofSeconds(59));
    assertTrue(bindings.isRegistered("alice"));
    clock.advance(Duration.ofSeconds(1));
    assertFalse(bindings.isRegistered("alice"));
    assertEquals(List.of("+alice", "-alice"), presence.events);
    assertEquals(0, bindings.sweep(), "already dropped");
  }

  @Test
  void sweepDropsOnlyLapsedBindings() {
    bindings.put(binding("alice", "sip:alice@x", Duration.ofSeconds(60)));
    bindings.put(binding("bob", "sip:bob@x", Duration.ofSeconds(120)));
    clock.advance(Duration.ofSeconds(90));
    assertEquals(1, bindings.sweep());
    assertEquals(List.of("+alice", "+bob", "-alice"), presence.events);
    assertEquals(List.of("bob"), bindings.all().stream().map(PhoneBinding::username).toList());
  }

  @Test
  void reRegisteringAfterALapseIsTwoEvents() {
    bindings.put(binding("alice", "sip:alice@x", Duration.ofSeconds(60)));
    clock.advance(Duration.ofSeconds(61));
    bindings.put(binding("alice", "sip:alice@x", Duration.ofSeconds(60)));
    assertEquals(List.of("+alice", "-alice", "+alice"), presence.events);
  }

  @Test
  void removeUnregisters() {
    bindings.put(binding("alice", "sip:alice@x", Duration.ofSeconds(60)));
    assertTrue(bindings.remove("alice"));
    assertFalse(bindings.remove("alice"));
    assertEquals(List.of("+alice", "-alice"), presence.events);
  }
}
