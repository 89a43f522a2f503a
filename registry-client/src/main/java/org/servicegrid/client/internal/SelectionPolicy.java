package org.servicegrid.client.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How {@link InstanceSelector} chooses among the usable instances of a service. */
enum SelectionPolicy {
  ROUND_ROBIN("round-robin"),
  RANDOM("random");

  private final String configValue;

  SelectionPolicy(String configValue) {
    this.configValue = configValue;
  }

  /** The policy named by a {@code registry.client.selection} value, case-insensitively. */
  static Optional<SelectionPolicy> fromConfig(String value) {
    String wanted = value.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(p -> p.configValue.equals(wanted)).findFirst();
  }
}
