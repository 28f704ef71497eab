package org.tawag.sdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tawag.media.AudioCodec.PCMA;
import static org.tawag.media.AudioCodec.PCMU;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tawag.media.MediaParams;

class NegotiatedTest {

  @Test
  void buildsResolvedAddressesFromAnIpv4Literal() {
    MediaParams params =
        new Negotiated("192.0.2.5", 10350, 10351, PCMA, 8, 101, 30, Direction.RECVONLY)
            .toMediaParams();
    assertFalse(params.remoteRtp().isUnresolved());
    assertArrayEquals(
        new byte[] {(byte) 192, 0, 2, 5}, params.remoteRtp().getAddress().getAddress());
    assertEquals(10350, params.remoteRtp().getPort());
    assertEquals(10351, params.remoteRtcp().getPort());
    assertEquals(
        new MediaParams(params.remoteRtp(), params.remoteRtcp(), PCMA, 8, 101, 30, false, true),
        params);
  }

  @Test
  void buildsAnIpv6Address() {
    MediaParams params =
        new Negotiated("2001:db8::5", 4000, 4001, PCMU, 0, -1, 20, Direction.SENDRECV)
            .toMediaParams();
    assertEquals("/2001:db8:0:0:0:0:0:5", params.remoteRtp().getAddress().toString());
  }

  @Test
  void hasNoRemoteWhenTheAddressIsNull() {
    MediaParams params =
        new Negotiated(null, 4000, 4001, PCMU, 0, 96, 20, Direction.INACTIVE).toMediaParams();
    assertNull(params.remoteRtp());
    assertNull(params.remoteRtcp());
    assertFalse(params.send());
    assertFalse(params.receive());
  }

  @ParameterizedTest
  @ValueSource(strings = {"pbx.example.com", "1.2.3", "256.1.1.1", "fe80::1%eth0", "[::1]", ""})
  void rejectsAddressesThatAreNotIpLiterals(String address) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Negotiated(address, 4000, 4001, PCMU, 0, -1, 20, Direction.SENDRECV));
    assertEquals("remote address must be an IP literal: " + address, e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 5, 25, 70})
  void rejectsPacketTimesTheMediaEngineCannotSend(int packetTime) {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Negotiated("192.0.2.5", 4000, 4001, PCMU, 0, -1, packetTime, Direction.SENDRECV));
  }

  @Test
  void localMediaRejectsCallerMistakes() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new LocalMedia("192.0.2.1", 20000, List.of(PCMU, PCMU), 101));
    assertThrows(
        IllegalArgumentException.class, () -> new LocalMedia("192.0.2.1", 20000, List.of(), 101));
    assertThrows(
        IllegalArgumentException.class,
        () -> new LocalMedia("192.0.2.1", 20000, List.of(PCMU), 95));
    assertThrows(
        IllegalArgumentException.class, () -> new LocalMedia("0.0.0.0", 20000, List.of(PCMU), 101));
  }
}
