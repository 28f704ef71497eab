package org.tawag.queue;

import java.util.Objects;
import java.util.Optional;

/**
 * How operators' own calls go out.
 *
 * @param trunk the trunk they are placed through; empty: operators cannot dial out
 * @param callerId the caller id shown to the far end; empty for the trunk's from-user
 */
public record OperatorDialing(Optional<String> trunk, Optional<String> callerId) {
  /** Dialling out is off. */
  public static final OperatorDialing OFF = new OperatorDialing(Optional.empty(), Optional.empty());

  public OperatorDialing {
    Objects.requireNonNull(trunk, "trunk");
    Objects.requireNonNull(callerId, "callerId");
  }
}
