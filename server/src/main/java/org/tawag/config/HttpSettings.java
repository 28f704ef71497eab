package org.tawag.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * HTTP listener settings.
 *
 * @param bindAddress the address the HTTP server binds to
 * @param port the port, 0 for any free port
 * @param tls the certificate and key for HTTPS and WSS; empty for plain HTTP
 */
public record HttpSettings(String bindAddress, int port, Optional<Tls> tls) {

  /** Plain HTTP on {@code bindAddress:port}. */
  public HttpSettings(String bindAddress, int port) {
    this(bindAddress, port, Optional.empty());
  }

  /**
   * PEM files for TLS: {@code certificate} holds the server's certificate (then any intermediate
   * ones), {@code key} its private key (PKCS#8 or PKCS#1).
   */
  public record Tls(Path certificate, Path key) {}
}
