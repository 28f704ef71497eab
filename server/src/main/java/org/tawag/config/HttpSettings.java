package org.tawag.config;

/**
 * HTTP listener settings.
 *
 * @param bindAddress the address the HTTP server binds to
 * @param port the port, 0 for any free port
 */
public record HttpSettings(String bindAddress, int port) {}
