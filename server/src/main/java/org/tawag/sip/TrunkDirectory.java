package org.tawag.sip;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.tawag.config.Cidr;
import org.tawag.config.TrunkConfig;

/** Finds the trunk a request belongs to, by its source address or by name. */
public final class TrunkDirectory {
  private final List<TrunkConfig> trunks;

  public TrunkDirectory(List<TrunkConfig> trunks) {
    this.trunks = List.copyOf(trunks);
  }

  /** The first trunk (in config order) whose allowed networks hold {@code source}. */
  public Optional<TrunkConfig> bySource(InetAddress source) {
    for (TrunkConfig t : trunks) {
      for (Cidr net : t.allowedNetworks()) {
        if (net.contains(source)) {
          return Optional.of(t);
        }
      }
    }
    return Optional.empty();
  }

  /** The trunk called {@code name}. */
  public Optional<TrunkConfig> byName(String name) {
    return trunks.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** Every trunk, in config order. */
  public List<TrunkConfig> all() {
    return trunks;
  }
}
