package org.servicegrid.protocol;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether an instance takes traffic: {@link #UP}, or taken {@link #OUT_OF_SERVICE} by an operator
 * (Eureka's override): still registered and heart-beaten, shown to people, but no longer handed to
 * the services that depend on it. The registry sets it; what a registration sends is ignored.
 */
public enum InstanceStatus {
  UP,
  OUT_OF_SERVICE;

  /** The status of {@code text} (exact name, any case), or empty when it names none. */
  public static Optional<InstanceStatus> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (InstanceStatus status : values()) {
      if (status.name().equals(text.toUpperCase(Locale.ROOT))) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
