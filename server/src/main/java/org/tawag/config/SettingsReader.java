package org.tawag.config;

import com.typesafe.config.ConfigValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tawag.db.DatabaseSettings;

/**
 * Reads and checks the fixed sections {@code tawag.sip}, {@code tawag.rtp} and {@code tawag.http}.
 * Their defaults live in {@code reference.conf}, so every key is present here.
 */
final class SettingsReader {
  private static final int MAX_PORT = 65535;

  private SettingsReader() {}

  static SipSettings sip(ConfigSection s) {
    s.allowOnly(
        Set.of(
            "bind-address",
            "advertised-address",
            "udp-port",
            "tcp-port",
            "max-calls",
            "retry-after",
            "user-agent",
            "options-ping"));
    return new SipSettings(
        s.string("bind-address"),
        advertised(s),
        s.integer("udp-port", 0, MAX_PORT),
        s.integer("tcp-port", 0, MAX_PORT),
        s.integer("max-calls", 1, Integer.MAX_VALUE),
        s.duration("retry-after"),
        s.string("user-agent"),
        optionsPing(s));
  }

  private static Duration optionsPing(ConfigSection s) {
    Duration d = s.duration("options-ping");
    if (!d.isZero() && d.toMillis() < 1000) {
      throw s.error("options-ping", "must be 0s (off) or at least 1s");
    }
    return d;
  }

  static RtpSettings rtp(ConfigSection s) {
    s.allowOnly(
        Set.of(
            "bind-address",
            "advertised-address",
            "port-min",
            "port-max",
            "port-quarantine",
            "media-timeout",
            "jitter-buffer"));
    int min = s.integer("port-min", 1, MAX_PORT);
    int max = s.integer("port-max", 1, MAX_PORT);
    // RFC 3550 section 11: RTP on an even port, RTCP on the odd port above it.
    if (min % 2 != 0) {
      throw s.error("port-min", "must be even (RTP takes the even port of each pair)");
    }
    if (max <= min) {
      throw s.error(
          "port-max", "must be above port-min (" + min + ") to hold at least one RTP/RTCP pair");
    }
    Duration jitter = s.duration("jitter-buffer");
    return new RtpSettings(
        s.string("bind-address"),
        advertised(s),
        min,
        max,
        s.duration("port-quarantine"),
        s.duration("media-timeout"),
        jitter);
  }

  static HttpSettings http(ConfigSection s, Path configDir) {
    s.allowOnly(Set.of("bind-address", "port", "tls"));
    return new HttpSettings(
        s.string("bind-address"), s.integer("port", 0, MAX_PORT), tls(s.section("tls"), configDir));
  }

  /** Both files set, or neither (plain HTTP); a relative path is under the config directory. */
  private static Optional<HttpSettings.Tls> tls(ConfigSection s, Path configDir) {
    s.allowOnly(Set.of("certificate", "key"));
    String certificate = s.stringOrEmpty("certificate");
    String key = s.stringOrEmpty("key");
    if (certificate.isEmpty() && key.isEmpty()) {
      return Optional.empty();
    }
    if (certificate.isEmpty() || key.isEmpty()) {
      throw s.error(
          certificate.isEmpty() ? "certificate" : "key",
          "TLS needs both certificate and key (or neither, for plain HTTP)");
    }
    return Optional.of(
        new HttpSettings.Tls(
            readable(s, "certificate", configDir.resolve(certificate)),
            readable(s, "key", configDir.resolve(key))));
  }

  private static Path readable(ConfigSection s, String name, Path file) {
    if (!java.nio.file.Files.isReadable(file)) {
      throw s.error(name, "not a readable file: " + file);
    }
    return file;
  }

  static DatabaseSettings database(ConfigSection s, Path dataDir) {
    s.allowOnly(Set.of("url", "user", "password", "pool-size"));
    DatabaseSettings h2 = DatabaseSettings.h2File(dataDir);
    int pool = s.integer("pool-size", 1, 64);
    Optional<String> url = s.optionalString("url").map(String::trim);
    if (url.isEmpty()) {
      return h2.withPoolSize(pool);
    }
    if (!url.get().startsWith("jdbc:")) {
      throw s.error("url", "must be a JDBC URL starting with jdbc:");
    }
    return h2.withUrl(
            url.get(), s.optionalString("user").orElse(""), s.optionalString("password").orElse(""))
        .withPoolSize(pool);
  }

  static AgentSettings agents(ConfigSection s) {
    s.allowOnly(
        Set.of(
            "reconnect-window",
            "heartbeat",
            "allowed-origins",
            "phone-no-answer-retry",
            "transfer-trunk",
            "dial-trunk",
            "dial-caller-id"));
    Duration heartbeat = s.duration("heartbeat");
    if (heartbeat.toMillis() < 1000) {
      throw s.error("heartbeat", "must be at least 1s");
    }
    List<String> origins = new ArrayList<>();
    for (ConfigValue v : s.list("allowed-origins")) {
      String o = String.valueOf(v.unwrapped()).trim();
      if (!o.matches("https?://[A-Za-z0-9.\\[\\]:-]+")) {
        throw s.error("allowed-origins", "not an origin (scheme://host[:port]): " + o);
      }
      origins.add(o);
    }
    return new AgentSettings(
        s.duration("reconnect-window"),
        heartbeat,
        origins,
        s.duration("phone-no-answer-retry"),
        s.has("transfer-trunk") ? Optional.of(s.identifier("transfer-trunk")) : Optional.empty(),
        s.has("dial-trunk") ? Optional.of(s.identifier("dial-trunk")) : Optional.empty(),
        dialCallerId(s));
  }

  private static Optional<String> dialCallerId(ConfigSection s) {
    if (!s.has("dial-caller-id")) {
      return Optional.empty();
    }
    String id = s.string("dial-caller-id");
    if (!id.matches("\\+?[0-9A-Za-z*#._-]{1,64}")) {
      throw s.error("dial-caller-id", "not a caller id (1-64 of digits, letters, + * # . _ -)");
    }
    return Optional.of(id);
  }

  /** The address peers are told to use: a wildcard there would send them nowhere. */
  private static String advertised(ConfigSection s) {
    String address = s.string("advertised-address");
    if (address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]")) {
      throw s.error(
          "advertised-address", "a wildcard cannot be advertised; give a reachable address");
    }
    return address;
  }
}
