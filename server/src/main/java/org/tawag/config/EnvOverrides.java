package org.tawag.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables that override configuration keys, over both {@code reference.conf} and
 * the admin's {@code tawag.conf}. {@code reference.conf} names the same variables with {@code
 * ${?NAME}} next to each key it documents.
 */
public final class EnvOverrides {
  /** Variable name to the key it overrides, in the order of {@code reference.conf}. */
  public static final Map<String, String> KEYS = keys();

  private EnvOverrides() {}

  private static Map<String, String> keys() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("TAWAG_SIP_BIND", "tawag.sip.bind-address");
    keys.put("TAWAG_SIP_ADVERTISED_ADDRESS", "tawag.sip.advertised-address");
    keys.put("TAWAG_SIP_UDP_PORT", "tawag.sip.udp-port");
    keys.put("TAWAG_SIP_TCP_PORT", "tawag.sip.tcp-port");
    keys.put("TAWAG_RTP_ADVERTISED_ADDRESS", "tawag.rtp.advertised-address");
    keys.put("TAWAG_RTP_PORT_MIN", "tawag.rtp.port-min");
    keys.put("TAWAG_RTP_PORT_MAX", "tawag.rtp.port-max");
    keys.put("TAWAG_HTTP_PORT", "tawag.http.port");
    keys.put("TAWAG_HTTP_TLS_CERTIFICATE", "tawag.http.tls.certificate");
    keys.put("TAWAG_HTTP_TLS_KEY", "tawag.http.tls.key");
    keys.put("TAWAG_DATA_DIR", "tawag.data-dir");
    keys.put("TAWAG_DATABASE_URL", "tawag.database.url");
    keys.put("TAWAG_DATABASE_USER", "tawag.database.user");
    keys.put("TAWAG_DATABASE_PASSWORD", "tawag.database.password");
    return Collections.unmodifiableMap(keys);
  }

  /**
   * The overrides present in {@code env}, each value's origin naming its variable so an error reads
   * "environment variable TAWAG_SIP_UDP_PORT: tawag.sip.udp-port = ...".
   */
  static Config of(Map<String, String> env) {
    Config overrides = ConfigFactory.empty();
    for (Map.Entry<String, String> e : KEYS.entrySet()) {
      String value = env.get(e.getKey());
      if (value != null) {
        overrides =
            overrides.withValue(
                e.getValue(),
                ConfigValueFactory.fromAnyRef(value, "environment variable " + e.getKey()));
      }
    }
    return overrides;
  }
}
