package org.tawag.config;

/** A host (name or IP literal) and port. */
public record HostPort(String host, int port) {
  @Override
  public String toString() {
    return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
  }
}
