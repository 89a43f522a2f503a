package org.servicegrid.client;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How {@link ServiceInstances#pick} chooses among the usable instances of a service. */
public enum SelectionPolicy {
  ROUND_ROBIN("round-robin"),
  RANDOM("random");

  private final String configValue;

  SelectionPolicy(String configValue) {
    this.configValue = configValue;
  }

  public String configValue() {
    return configValue;
  }

  /** The policy named by a {@code registry.client.selection} value, case-insensitively. */
  public static Optional<SelectionPolicy> fromConfig(String value) {
    String wanted = value.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(p -> p.configValue.equals(wanted)).findFirst();
  }
}
