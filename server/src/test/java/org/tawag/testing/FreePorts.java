package org.tawag.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks loopback ports that are free for both UDP and TCP at the moment of asking. */
public final class FreePorts {
  private FreePorts() {}

  /** A port free on 127.0.0.1 for both UDP and TCP. */
  public static int udpAndTcp() {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = tcp.getLocalPort();
        try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
          return udp.getLocalPort();
        } catch (IOException busy) {
          // UDP side taken: try another.
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no free UDP+TCP port on loopback after 50 tries");
  }
}
