package org.tawag.config;

import java.util.Optional;

/**
 * A configuration that cannot be used, found at start-up. The message names the file (and line when
 * known), the full key and the bad value, for example {@code sip-config/trunks.conf:7:
 * tawag.trunks.local-pbx.allowed-networks[0] = "10.0.0.300/8": not an IP network}.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String key;

  /**
   * A problem with one key.
   *
   * @param location the file and line, or another description of where the value came from
   * @param key the full key, e.g. {@code tawag.sip.udp-port}
   * @param value the bad value as written (strings quoted), or null when the key is missing
   * @param problem what is wrong, e.g. "not an IP network"
   */
  public ConfigException(String location, String key, String value, String problem) {
    super(location + ": " + key + (value == null ? "" : " = " + value) + ": " + problem);
    this.key = key;
  }

  /** A problem not tied to one key, such as a syntax error, with the parser's exception. */
  public ConfigException(String location, String problem, Throwable cause) {
    super(location + ": " + problem, cause);
    this.key = null;
  }

  /** The full key at fault, or empty for a file-level problem such as a syntax error. */
  public Optional<String> key() {
    return Optional.ofNullable(key);
  }
}
