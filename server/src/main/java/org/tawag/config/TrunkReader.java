package org.tawag.config;

import com.typesafe.config.ConfigValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads and checks one {@code tawag.trunks.<name>} object into a {@link TrunkConfig}. */
final class TrunkReader {
  /** Transport for outgoing requests when a trunk names none. */
  static final String DEFAULT_TRANSPORT = "udp";

  /** From user part on outgoing calls when a trunk names none. */
  static final String DEFAULT_FROM_USER = "tawag";

  /** Port of a peer written without one (RFC 3261 section 19.1.2). */
  static final int DEFAULT_SIP_PORT = 5060;

  /** Registration expiry asked for when {@code register.expires} is absent. */
  static final Duration DEFAULT_REGISTER_EXPIRES = Duration.ofSeconds(3600);

  private static final Set<String> KEYS =
      Set.of(
          "peers", "transport", "allowed-networks", "credentials", "register", "dids", "from-user");
  private static final Set<String> CREDENTIAL_KEYS = Set.of("username", "password", "realm");
  private static final Set<String> REGISTER_KEYS = Set.of("aor", "expires");

  private TrunkReader() {}

  static TrunkConfig read(ConfigSection trunk) {
    String name = trunk.name();
    if (!name.matches("[A-Za-z0-9_-]+")) {
      throw trunk.error("a trunk name has only letters, digits, '-' and '_'");
    }
    trunk.allowOnly(KEYS);
    return new TrunkConfig(
        name,
        peers(trunk),
        transport(trunk),
        networks(trunk),
        trunk.optionalSection("credentials").map(TrunkReader::credentials),
        trunk.optionalSection("register").map(TrunkReader::registration),
        trunk.has("dids") ? trunk.stringList("dids") : List.of(),
        trunk.has("from-user") ? trunk.string("from-user") : DEFAULT_FROM_USER);
  }

  private static List<HostPort> peers(ConfigSection trunk) {
    List<ConfigValue> values = trunk.list("peers");
    if (values.isEmpty()) {
      throw trunk.error("peers", "a trunk needs at least one peer \"host:port\"");
    }
    List<HostPort> peers = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String key = trunk.key("peers") + "[" + i + "]";
      try {
        peers.add(HostPortParser.parse(ConfigSection.string(values.get(i), key), DEFAULT_SIP_PORT));
      } catch (IllegalArgumentException e) {
        throw ConfigSection.error(values.get(i), key, e.getMessage());
      }
    }
    return peers;
  }

  private static String transport(ConfigSection trunk) {
    if (!trunk.has("transport")) {
      return DEFAULT_TRANSPORT;
    }
    String transport = trunk.string("transport");
    if (!transport.equals("udp") && !transport.equals("tcp")) {
      throw trunk.error("transport", "expected udp or tcp");
    }
    return transport;
  }

  private static List<Cidr> networks(ConfigSection trunk) {
    if (!trunk.has("allowed-networks")) {
      return List.of();
    }
    List<ConfigValue> values = trunk.list("allowed-networks");
    List<Cidr> networks = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String key = trunk.key("allowed-networks") + "[" + i + "]";
      try {
        networks.add(Cidr.parse(ConfigSection.string(values.get(i), key)));
      } catch (IllegalArgumentException e) {
        throw ConfigSection.error(values.get(i), key, "not an IP network (" + e.getMessage() + ")");
      }
    }
    return networks;
  }

  private static TrunkConfig.Credentials credentials(ConfigSection c) {
    c.allowOnly(CREDENTIAL_KEYS);
    // An empty realm answers a challenge from any realm.
    return new TrunkConfig.Credentials(
        c.string("username"), c.string("password"), c.optionalString("realm").orElse(""));
  }

  private static TrunkConfig.Registration registration(ConfigSection r) {
    r.allowOnly(REGISTER_KEYS);
    String aor = r.string("aor");
    if (!aor.startsWith("sip:") && !aor.startsWith("sips:")) {
      throw r.error("aor", "expected a SIP URI such as \"sip:tawag@pbx.example\"");
    }
    Duration expires = r.has("expires") ? r.duration("expires") : DEFAULT_REGISTER_EXPIRES;
    if (expires.compareTo(Duration.ofSeconds(1)) < 0) {
      throw r.error("expires", "must be at least 1s");
    }
    return new TrunkConfig.Registration(aor, expires);
  }
}
