package org.tawag.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {
  @ParameterizedTest(name = "{0} contains {1}: {2}")
  @CsvSource({
    "127.0.0.1/32, 127.0.0.1, true",
    "127.0.0.1/32, 127.0.0.2, false",
    "127.0.0.1, 127.0.0.1, true",
    "10.0.0.0/8, 10.255.1.2, true",
    "10.0.0.0/8, 11.0.0.1, false",
    "192.168.1.0/24, 192.168.1.200, true",
    "192.168.1.0/24, 192.168.2.1, false",
    "0.0.0.0/0, 8.8.8.8, true",
    "::1/128, ::1, true",
    "2001:db8::/32, 2001:db8:1::5, true",
    "2001:db8::/32, 127.0.0.1, false",
    "10.0.0.0/8, ::1, false",
  })
  void containsExactlyItsNetwork(String cidr, String address, boolean inside) throws Exception {
    assertEquals(inside, Cidr.parse(cidr).contains(InetAddress.getByName(address)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.0.0.300/8",
        "pbx.example.net",
        "10.0.0/8",
        "10.0.0.0/33",
        "::1/129",
        "10.0.0.0/x",
        ""
      })
  void rejectsWhatIsNotAnIpNetworkNamingIt(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse(text));
    assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
  }
}
