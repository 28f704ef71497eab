package org.tawag.metrics;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.tawag.config.Cidr;

/**
 * Who may read {@code /metrics}: a peer whose address is in one of the allowed networks. Prometheus
 * cannot hold a session, so the endpoint trusts the network instead of a role; the peer is the TCP
 * peer, never a forwarded-for header a client could write itself.
 */
final class ScrapeAccess {
  private final List<Cidr> networks;

  ScrapeAccess(List<Cidr> networks) {
    this.networks = List.copyOf(networks);
  }

  /** Whether {@code peer} (an IP literal, as Vert.x reports it) may scrape. */
  boolean allows(String peer) {
    if (peer == null || peer.isEmpty()) {
      return false;
    }
    InetAddress address;
    try {
      // An IP literal from the socket: no DNS lookup happens.
      address = InetAddress.getByName(peer);
    } catch (UnknownHostException | SecurityException e) {
      return false;
    }
    return networks.stream().anyMatch(n -> n.contains(address));
  }
}
