package org.tawag.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A PBX trunk: where its calls come from, where ours go, and how we authenticate to it.
 *
 * @param name the trunk's name, used in logs and metric labels
 * @param peers where outgoing requests go, first one first ("host:port")
 * @param transport "udp" or "tcp" for outgoing requests
 * @param allowedNetworks source networks whose INVITEs this trunk accepts
 * @param credentials digest credentials for answering 401/407 on outgoing requests
 * @param registration an outgoing REGISTER this server keeps refreshed, if the trunk wants one
 * @param dids the numbers this trunk may call; empty accepts any number the dial plan knows
 * @param fromUser the user part of From on outgoing calls when the caller gives none
 */
public record TrunkConfig(
    String name,
    List<HostPort> peers,
    String transport,
    List<Cidr> allowedNetworks,
    Optional<Credentials> credentials,
    Optional<Registration> registration,
    List<String> dids,
    String fromUser) {
  public TrunkConfig {
    peers = List.copyOf(peers);
    allowedNetworks = List.copyOf(allowedNetworks);
    dids = List.copyOf(dids);
  }

  /** Digest credentials (RFC 3261 §22); the password never reaches a log. */
  public record Credentials(String username, String password, String realm) {
    @Override
    public String toString() {
      return "Credentials[username=" + username + ", realm=" + realm + "]";
    }
  }

  /**
   * An outgoing registration.
   *
   * @param aor the address of record to register, e.g. "sip:tawag@pbx.example"
   * @param expires the expiry we ask for; we refresh at half of what the registrar grants
   */
  public record Registration(String aor, Duration expires) {}
}
